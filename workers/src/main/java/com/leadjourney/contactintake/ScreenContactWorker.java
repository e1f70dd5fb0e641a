package com.leadjourney.contactintake;

import com.leadjourney.account.AccountMatching;
import com.leadjourney.definition.Engagements;
import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code screen-contact}: contact intake's four checks in one job, in the order the
 * model's documentation gives. They were four service tasks in a row with nothing to wait for
 * between them; each cost a round trip through the engine on every lead's way to its first human
 * touch (the slowest 1% spent ~190 ms on them at 112,000 open journeys — BENCHMARKS.md, stop 39).
 * Each check is its own transaction and idempotent, so a redelivered job repeats none of their
 * effects: the first check that refuses the contact throws the BPMN error its boundary catches.
 */
@Component
public class ScreenContactWorker {

  private final ContactScreening screening;
  private final Engagements engagements;
  private final AccountMatching matching;

  ScreenContactWorker(final ContactScreening screening, final Engagements engagements, final AccountMatching matching) {
    this.screening = screening;
    this.engagements = engagements;
    this.matching = matching;
  }

  @JobWorker(type = "screen-contact")
  public Map<String, Object> screenContact(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    validate(leadId);
    checkConsent(leadId);
    dedupe(leadId);
    return matchAccount(leadId);
  }

  void validate(final String leadId) {
    screening.validate(leadId).ifPresent(reason -> {
      throw IntakeRejection.rejected(IntakeRejection.INVALID_CONTACT, reason);
    });
  }

  void checkConsent(final String leadId) {
    screening.checkConsent(leadId).ifPresent(reason -> {
      throw IntakeRejection.rejected(IntakeRejection.NO_CONSENT, reason);
    });
  }

  /** A second lead for an email with an open journey merges into it: for the survivor, the buyer raised a hand again. */
  void dedupe(final String leadId) {
    screening.dedupe(leadId).ifPresent(survivorId -> {
      engagements.reengagedThroughDuplicate(survivorId, leadId);
      throw IntakeRejection.merged(survivorId);
    });
  }

  Map<String, Object> matchAccount(final String leadId) {
    return Map.of("accountId", matching.match(leadId).accountId(), "intakeOutcome", "known");
  }
}
