package com.leadjourney.journey;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import org.springframework.stereotype.Component;

/** Job type {@code enter-stage}: the service task that marks a lead's arrival in a stage. Public: the starter invokes worker methods reflectively. */
@Component
public class StageEntryWorker {

  static final String STAGE_HEADER = "stage";

  private final StageEntry stageEntry;

  StageEntryWorker(final StageEntry stageEntry) {
    this.stageEntry = stageEntry;
  }

  @JobWorker(type = "enter-stage", fetchVariables = JourneyVariables.LEAD_ID)
  public void enterStage(final ActivatedJob job) {
    final String stage = job.getCustomHeaders().get(STAGE_HEADER);
    final String leadId = (String) job.getVariablesAsMap().get(JourneyVariables.LEAD_ID);
    if (stage == null || leadId == null) {
      // A modelling fault, not a business outcome: an incident the designer can fix and retry.
      throw CamundaError.jobError(
          "enter-stage needs the custom header 'stage' and the variable 'leadId'", null, 0);
    }
    try {
      stageEntry.enter(leadId, stage, job.getElementId(), job.getProcessInstanceKey());
    } catch (final StageEntry.DuplicateJourneyException e) {
      throw CamundaError.bpmnError(JourneyVariables.DUPLICATE_JOURNEY, e.getMessage());
    }
  }
}
