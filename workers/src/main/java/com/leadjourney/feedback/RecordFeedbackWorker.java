package com.leadjourney.feedback;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code record-feedback}: after an XDR recycle or disqualification, an AE rejection or
 * a lost opportunity. The stage's process says which.
 */
@Component
public class RecordFeedbackWorker {

  private final FeedbackRecording recording;

  RecordFeedbackWorker(final FeedbackRecording recording) {
    this.recording = recording;
  }

  @JobWorker(type = "record-feedback")
  public Map<String, Object> recordFeedback(
      final ActivatedJob job,
      @Variable(name = JourneyVariables.LEAD_ID) final String leadId,
      @Variable(name = "outcome", optional = true) final String xdrOutcome,
      @Variable(name = "reason", optional = true) final String reason,
      @Variable(name = "objections", optional = true) final String objections) {
    final String stage = job.getBpmnProcessId();
    final String outcome =
        switch (stage) {
          case "xdr-handoff" -> xdrOutcome;
          case "sales-acceptance" -> "rejected";
          case "opportunity" -> "lost";
          default -> throw CamundaError.jobError("record-feedback does not know stage " + stage, null, 0);
        };
    try {
      return Map.of("afterFeedback", recording.record(leadId, stage, outcome, reason, objections));
    } catch (final IllegalArgumentException e) {
      throw CamundaError.jobError(e.getMessage(), null, 0); // the task completion validated it: a modelling fault
    }
  }
}
