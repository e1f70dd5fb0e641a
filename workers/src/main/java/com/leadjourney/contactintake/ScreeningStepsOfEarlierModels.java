package com.leadjourney.contactintake;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job types {@code validate-contact}, {@code check-consent}, {@code dedupe-contact} and
 * {@code match-account} of the contact-intake versions deployed before the four became one
 * ({@link ScreenContactWorker}). A journey passes them in milliseconds, but one whose job failed
 * into an incident waits there until someone retries it, on its own version: so they are still
 * served, polled (application.yml), each the same way as before. Remove once no instance of such a
 * version is open (Operate: those job types).
 */
@Component
public class ScreeningStepsOfEarlierModels {

  private final ScreenContactWorker screening;

  ScreeningStepsOfEarlierModels(final ScreenContactWorker screening) {
    this.screening = screening;
  }

  @JobWorker(type = "validate-contact")
  public void validateContact(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    screening.validate(leadId);
  }

  @JobWorker(type = "check-consent")
  public void checkConsent(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    screening.checkConsent(leadId);
  }

  @JobWorker(type = "dedupe-contact")
  public void dedupeContact(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    screening.dedupe(leadId);
  }

  @JobWorker(type = "match-account")
  public Map<String, Object> matchAccount(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    return screening.matchAccount(leadId);
  }
}
