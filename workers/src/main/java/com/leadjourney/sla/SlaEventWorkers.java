package com.leadjourney.sla;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import org.springframework.stereotype.Component;

/**
 * The job types of an SLA timer, each saying what it does. The model says whom it concerns, in
 * task headers: {@code notify} ({@code owner}, or {@code owner and manager}) and, when the owner
 * was routed in another stage than the task's, {@code ownerRoutedIn} (an opportunity's owner is
 * the AE routed in sales-acceptance).
 */
@Component
public class SlaEventWorkers {

  static final String NOTIFY = "notify";
  static final String OWNER_ROUTED_IN = "ownerRoutedIn";

  private final SlaEventRecording recording;

  SlaEventWorkers(final SlaEventRecording recording) {
    this.recording = recording;
  }

  @JobWorker(type = "send-sla-reminder")
  public void sendSlaReminder(final ActivatedJob job, @Variable(name = JourneyVariables.LEAD_ID) final String leadId, @JobKey final long jobKey) {
    recording.record(SlaEvent.REMINDED, firing(job, leadId, jobKey));
  }

  @JobWorker(type = "escalate-sla-breach")
  public void escalateSlaBreach(final ActivatedJob job, @Variable(name = JourneyVariables.LEAD_ID) final String leadId, @JobKey final long jobKey) {
    recording.record(SlaEvent.ESCALATED, firing(job, leadId, jobKey));
  }

  @JobWorker(type = "record-reassignment")
  public void recordReassignment(final ActivatedJob job, @Variable(name = JourneyVariables.LEAD_ID) final String leadId, @JobKey final long jobKey) {
    recording.record(SlaEvent.REASSIGNED, firing(job, leadId, jobKey));
  }

  @JobWorker(type = "flag-stalled-opportunity")
  public void flagStalledOpportunity(final ActivatedJob job, @Variable(name = JourneyVariables.LEAD_ID) final String leadId, @JobKey final long jobKey) {
    recording.record(SlaEvent.STALLED, firing(job, leadId, jobKey));
  }

  private static SlaEventRecording.Firing firing(final ActivatedJob job, final String leadId, final long jobKey) {
    final String notify = job.getCustomHeaders().get(NOTIFY);
    if (!"owner".equals(notify) && !"owner and manager".equals(notify)) {
      throw CamundaError.jobError(job.getType() + " needs the header '" + NOTIFY + "': owner, or owner and manager", null, 0);
    }
    final String stage = job.getBpmnProcessId();
    return new SlaEventRecording.Firing(
        leadId, jobKey, stage, job.getElementId(), job.getCustomHeaders().getOrDefault(OWNER_ROUTED_IN, stage), !"owner".equals(notify));
  }
}
