package com.leadjourney.contactintake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.leadjourney.platform.AfterCommit;
import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.lead.JourneyClock;
import com.leadjourney.lead.JourneyClockRepository;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.JourneyEventRepository;
import com.leadjourney.lead.Lead;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.definition.Engagements;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Accepts a lead into MySQL: the lead, its clocks, its first timeline line and an outbox entry in
 * one transaction. The engine hears of it only from the outbox, so an engine outage loses nothing.
 */
@Service
public class IntakeService {

  public record Accepted(Lead lead, boolean created) {}

  /** The Idempotency-Key was used before with a different request body. */
  static final class IdempotencyKeyReusedException extends ResponseStatusException {
    IdempotencyKeyReusedException(final String key) {
      super(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "Idempotency-Key '" + key + "' was already used with a different body; send a new key for a new lead");
    }
  }

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final LeadRepository leads;
  private final JourneyClockRepository clocks;
  private final JourneyEventRepository events;
  private final OutboxRepository outbox;
  private final OutboxDispatcher dispatcher;
  private final Engagements engagements;
  private final IntakeProperties properties;
  private final MeterRegistry meters;
  private final Clock clock;

  IntakeService(
      final LeadRepository leads,
      final JourneyClockRepository clocks,
      final JourneyEventRepository events,
      final OutboxRepository outbox,
      final OutboxDispatcher dispatcher,
      final Engagements engagements,
      final IntakeProperties properties,
      final MeterRegistry meters,
      final Clock clock) {
    this.leads = leads;
    this.clocks = clocks;
    this.events = events;
    this.outbox = outbox;
    this.dispatcher = dispatcher;
    this.engagements = engagements;
    this.properties = properties;
    this.meters = meters;
    this.clock = clock;
  }

  @Transactional
  public Accepted accept(final LeadRequest request, final String idempotencyKey) {
    final String fingerprint = fingerprint(request);
    if (idempotencyKey != null) {
      final var earlier = leads.findByIdempotencyKey(idempotencyKey);
      if (earlier.isPresent()) {
        return replay(earlier.get(), idempotencyKey, fingerprint);
      }
    }
    final var now = clock.instant();
    if (!Boolean.TRUE.equals(request.consent())) {
      return withoutConsent(request, idempotencyKey, fingerprint, now);
    }
    final var lead = leads.save(new Lead(request.toContact(), idempotencyKey, fingerprint, now));
    clocks.save(new JourneyClock(lead.getId(), JourneyVariables.ENRICHMENT_DUE_AT, now.plus(properties.enrichmentWindow())));
    events.save(
        new JourneyEvent(
            lead.getId(), JourneyEvent.Type.LEAD_ACCEPTED, lead.getStage(), null, "source " + lead.getSource(), now, "accepted"));
    engagements.intake(lead.getId(), lead.getSource(), lead.getCampaign(), now);
    outbox.save(new OutboxEntry(lead.getId(), now));
    AfterCommit.run(dispatcher::nudge);
    meters.counter("leadjourney.leads.accepted", "source", sourceLabel(lead.getSource())).increment();
    return new Accepted(lead, true);
  }

  /**
   * A contact who did not agree to be contacted: counted (source, campaign, when) and answered like
   * any other, but nothing personal is stored and no journey starts (GDPR Art. 6/7: no lawful basis
   * to keep who they are). The lead reads "rejected", its timeline says why.
   */
  private Accepted withoutConsent(final LeadRequest request, final String idempotencyKey, final String fingerprint, final java.time.Instant now) {
    final var contact = request.toContact();
    final var lead = new Lead(
        new com.leadjourney.lead.Contact(null, null, null, null, null, null, contact.source(), contact.campaign(), false, null, null, null),
        idempotencyKey, fingerprint, now);
    lead.close("rejected", now);
    leads.save(lead);
    events.save(new JourneyEvent(lead.getId(), JourneyEvent.Type.LEAD_ACCEPTED, lead.getStage(), null, "source " + lead.getSource(), now, "accepted"));
    events.save(new JourneyEvent(lead.getId(), JourneyEvent.Type.CONTACT_REJECTED, lead.getStage(), null,
        "no consent to be contacted; contact details not stored", now, "rejected:no-consent"));
    meters.counter("leadjourney.leads.accepted", "source", sourceLabel(lead.getSource())).increment();
    return new Accepted(lead, true);
  }

  /** Reads the lead an earlier request with the same key created (e.g. after a lost race). */
  @Transactional(readOnly = true)
  Accepted acceptedEarlier(final LeadRequest request, final String idempotencyKey) {
    final var earlier =
        leads.findByIdempotencyKey(idempotencyKey)
            .orElseThrow(() -> new IllegalStateException("No lead for Idempotency-Key " + idempotencyKey));
    return replay(earlier, idempotencyKey, fingerprint(request));
  }

  private static Accepted replay(final Lead earlier, final String key, final String fingerprint) {
    if (!earlier.getRequestFingerprint().equals(fingerprint)) {
      throw new IdempotencyKeyReusedException(key);
    }
    return new Accepted(earlier, false);
  }

  /** Every source's counter exists from the start at 0: {@code increase()} cannot see the first value of a new series. */
  @EventListener(ApplicationReadyEvent.class)
  void countFromZero() {
    properties.knownSources().forEach(source -> meters.counter("leadjourney.leads.accepted", "source", source));
    meters.counter("leadjourney.leads.accepted", "source", "other");
  }

  private String sourceLabel(final String source) {
    return properties.knownSources().contains(source) ? source : "other";
  }

  private static String fingerprint(final LeadRequest request) {
    try {
      final byte[] canonical = CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (final JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint the request", e);
    }
  }
}
