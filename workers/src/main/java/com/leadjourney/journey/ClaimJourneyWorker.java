package com.leadjourney.journey;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import org.springframework.stereotype.Component;

/** Job type {@code claim-journey}: the journey instance takes ownership of its lead. */
@Component
public class ClaimJourneyWorker {

  private final JourneyClaim claim;

  ClaimJourneyWorker(final JourneyClaim claim) {
    this.claim = claim;
  }

  @JobWorker(type = "claim-journey")
  public void claimJourney(@Variable(name = JourneyVariables.LEAD_ID) final String leadId, @ProcessInstanceKey final long processInstanceKey) {
    try {
      claim.claim(leadId, processInstanceKey);
    } catch (final JourneyClaim.DuplicateJourneyException e) {
      throw CamundaError.bpmnError(JourneyVariables.DUPLICATE_JOURNEY, e.getMessage());
    }
  }
}
