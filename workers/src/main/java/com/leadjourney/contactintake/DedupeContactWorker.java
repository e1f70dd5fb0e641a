package com.leadjourney.contactintake;

import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.definition.Engagements;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/**
 * Job type {@code dedupe-contact}: a second lead for an email with an open journey merges into
 * it; for the survivor that is the buyer raising a hand again, so it counts as engagement.
 */
@Component
public class DedupeContactWorker {

  private final ContactScreening screening;
  private final Engagements engagements;

  DedupeContactWorker(final ContactScreening screening, final Engagements engagements) {
    this.screening = screening;
    this.engagements = engagements;
  }

  @JobWorker(type = "dedupe-contact")
  public void dedupeContact(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    screening.dedupe(leadId).ifPresent(survivorId -> {
      engagements.reengagedThroughDuplicate(survivorId, leadId);
      throw IntakeRejection.merged(survivorId);
    });
  }
}
