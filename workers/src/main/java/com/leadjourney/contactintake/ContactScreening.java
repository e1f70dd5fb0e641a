package com.leadjourney.contactintake;

import com.leadjourney.lead.ContactMerge;
import java.util.List;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Lead;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks of contact intake that need no engine: is the contact reachable, may we contact
 * them, is it someone we already know. Each returns the reason to end the journey, if any, and
 * records it once.
 */
@Service
class ContactScreening {

  static final String STAGE = "contact-intake";

  /** Throwaway inboxes and reserved top-level domains: nobody reads them. */
  private static final Set<String> DISPOSABLE_DOMAINS =
      Set.of("mailinator.com", "guerrillamail.com", "10minutemail.com", "tempmail.com", "yopmail.com", "trashmail.com");

  private static final Set<String> RESERVED_TLDS = Set.of("invalid", "test", "localhost");
  private static final Set<String> NO_REPLY = Set.of("noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon");

  private final LeadRepository leads;
  private final Timeline timeline;
  private final Clock clock;

  private final ContactMerge merge;

  ContactScreening(final LeadRepository leads, final Timeline timeline, final Clock clock, final ContactMerge merge) {
    this.merge = merge;
    this.leads = leads;
    this.timeline = timeline;
    this.clock = clock;
  }

  /** Normalises names and company; the reason the contact cannot be reached, if it cannot. */
  @Transactional
  Optional<String> validate(final String leadId) {
    final Lead lead = leads.lock(leadId);
    final String email = lead.getEmail();
    final String local = email.substring(0, email.indexOf('@'));
    final String domain = email.substring(email.indexOf('@') + 1);
    final String tld = domain.substring(domain.lastIndexOf('.') + 1);
    String reason = null;
    if (DISPOSABLE_DOMAINS.contains(domain) || RESERVED_TLDS.contains(tld)) {
      reason = "disposable or reserved email domain " + domain;
    } else if (NO_REPLY.contains(local)) {
      reason = "no-reply address " + email + " cannot be contacted";
    }
    if (reason != null) {
      return reject(lead, reason);
    }
    lead.normalise(name(lead.getFirstName()), name(lead.getLastName()), company(lead.getCompany()), clock.instant());
    return Optional.empty();
  }

  @Transactional
  Optional<String> checkConsent(final String leadId) {
    final Lead lead = leads.lock(leadId);
    return lead.isConsent() ? Optional.empty() : reject(lead, "no consent to be contacted");
  }

  /**
   * The open journey this lead merges into, if the same email has one that started earlier: the
   * earliest wins, so two leads posted at once agree on the survivor.
   */
  @Transactional
  Optional<String> dedupe(final String leadId) {
    final Lead lead = leads.lock(leadId);
    if (lead.getMergedInto() != null) {
      return Optional.of(lead.getMergedInto()); // redelivered: decided before
    }
    final var survivors = leads.findEarlierOpenByEmail(lead.getEmail(), lead.getId(), lead.getCreatedAt());
    if (survivors.isEmpty()) {
      return Optional.empty();
    }
    final Lead survivor = survivors.get(0);
    lead.mergeInto(survivor.getId(), clock.instant());
    timeline.record(leadId, JourneyEvent.Type.CONTACT_MERGED, STAGE, "merged into lead " + survivor.getId(), "merged");
    leads.flush(); // the normalised names of this lead are what the survivor takes on
    final List<String> changes = merge.absorb(survivor.getId(), leadId, clock.instant());
    timeline.record(
        survivor.getId(), JourneyEvent.Type.CONTACT_MERGED, survivor.getStage(),
        "lead " + leadId + " (source " + lead.getSource() + ") merged into this one" + (changes.isEmpty() ? "" : "; updated " + String.join("; ", changes)),
        "absorbed:" + leadId);
    return Optional.of(survivor.getId());
  }

  private Optional<String> reject(final Lead lead, final String reason) {
    timeline.record(lead.getId(), JourneyEvent.Type.CONTACT_REJECTED, STAGE, reason, "rejected:" + timeline.visitOf(lead.getId(), STAGE));
    return Optional.of(reason);
  }

  /** "ADA" and "ada" become "Ada"; names someone typed with care stay as they are. */
  private static String name(final String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    final String trimmed = value.strip().replaceAll("\\s+", " ");
    if (!trimmed.equals(trimmed.toLowerCase(Locale.ROOT)) && !trimmed.equals(trimmed.toUpperCase(Locale.ROOT))) {
      return trimmed;
    }
    final StringBuilder result = new StringBuilder();
    for (final String word : trimmed.toLowerCase(Locale.ROOT).split(" ")) {
      result.append(result.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return result.toString();
  }

  private static String company(final String value) {
    return value == null || value.isBlank() ? null : value.strip().replaceAll("\\s+", " ");
  }
}
