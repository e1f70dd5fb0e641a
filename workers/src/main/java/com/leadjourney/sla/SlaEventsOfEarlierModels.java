package com.leadjourney.sla;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Job type {@code notify-sla} of the stage models deployed before the SLA job types were split
 * (header {@code event}; whom to tell was decided here). Instances of those versions keep their
 * job type until they end — on a cluster that can be months — so they are still served, the same
 * way as before. Remove once no instance of such a version is open (Operate: job type notify-sla).
 */
@Component
public class SlaEventsOfEarlierModels {

  private final SlaEventRecording recording;

  SlaEventsOfEarlierModels(final SlaEventRecording recording) {
    this.recording = recording;
  }

  @JobWorker(type = "notify-sla")
  public void notifySla(final ActivatedJob job, @Variable(name = JourneyVariables.LEAD_ID) final String leadId, @JobKey final long jobKey) {
    final String id = job.getCustomHeaders().get("event");
    final SlaEvent event = Arrays.stream(SlaEvent.values()).filter(e -> e.id.equals(id)).findFirst()
        .orElseThrow(() -> CamundaError.jobError("notify-sla needs the header 'event': reminded, escalated, reassigned or stalled", null, 0));
    final String stage = job.getBpmnProcessId();
    final String ownerStage = "opportunity".equals(stage) ? "sales-acceptance" : stage; // those models did not say it
    recording.record(event, new SlaEventRecording.Firing(leadId, jobKey, stage, job.getElementId(), ownerStage, event != SlaEvent.REMINDED));
  }
}
