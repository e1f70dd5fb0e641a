package com.leadjourney.contactintake;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** Job type {@code validate-contact}. */
@Component
public class ValidateContactWorker {

  private final ContactScreening screening;

  ValidateContactWorker(final ContactScreening screening) {
    this.screening = screening;
  }

  @JobWorker(type = "validate-contact")
  public void validateContact(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    screening.validate(leadId).ifPresent(reason -> {
      throw IntakeRejection.rejected(IntakeRejection.INVALID_CONTACT, reason);
    });
  }
}
