package com.leadjourney.lead;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import org.springframework.stereotype.Component;

/** Job type {@code enter-stage}: the first service task of every stage process. Public: the starter invokes worker methods reflectively. */
@Component
public class StageEntryWorker {

  static final String STAGE_HEADER = "stage";

  private final StageEntry stageEntry;

  StageEntryWorker(final StageEntry stageEntry) {
    this.stageEntry = stageEntry;
  }

  @JobWorker(type = "enter-stage")
  public void enterStage(final ActivatedJob job, @Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    final String stage = job.getCustomHeaders().get(STAGE_HEADER);
    if (stage == null || leadId == null) {
      // A modelling fault, not a business outcome: an incident the designer can fix and retry.
      throw CamundaError.jobError("enter-stage needs the custom header 'stage' and the variable 'leadId'", null, 0);
    }
    stageEntry.enter(leadId, stage, job.getElementId());
  }
}
