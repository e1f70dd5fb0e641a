package com.leadjourney.contactintake;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** Job type {@code check-consent}. */
@Component
public class CheckConsentWorker {

  private final ContactScreening screening;

  CheckConsentWorker(final ContactScreening screening) {
    this.screening = screening;
  }

  @JobWorker(type = "check-consent")
  public void checkConsent(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    screening.checkConsent(leadId).ifPresent(reason -> {
      throw IntakeRejection.rejected(IntakeRejection.NO_CONSENT, reason);
    });
  }
}
