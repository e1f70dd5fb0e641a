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
 * a lost opportunity. The model says which, in the task's input {@code feedbackOutcome}.
 */
@Component
public class RecordFeedbackWorker {

  private final FeedbackRecording recording;
  private final TaskObjections taskObjections;

  RecordFeedbackWorker(final FeedbackRecording recording, final TaskObjections taskObjections) {
    this.recording = recording;
    this.taskObjections = taskObjections;
  }

  @JobWorker(type = "record-feedback")
  public Map<String, Object> recordFeedback(
      final ActivatedJob job,
      @Variable(name = JourneyVariables.LEAD_ID) final String leadId,
      @Variable(name = "feedbackOutcome", optional = true) final String feedbackOutcome,
      @Variable(name = "outcome", optional = true) final String xdrOutcome,
      @Variable(name = "reason", optional = true) final String reason,
      // Instances started before objections left the engine still carry them as a variable.
      @Variable(name = "objections", optional = true) final String objectionsVariable) {
    final String stage = job.getBpmnProcessId();
    final String outcome = feedbackOutcome != null ? feedbackOutcome : outcomeInEarlierModels(stage, xdrOutcome);
    final String objections = objectionsVariable != null ? objectionsVariable : taskObjections.lastOf(leadId, stage);
    try {
      return Map.of("afterFeedback", recording.record(leadId, stage, outcome, reason, objections));
    } catch (final IllegalArgumentException e) {
      throw CamundaError.jobError(e.getMessage(), null, 0); // the task completion validated it: a modelling fault
    }
  }

  /**
   * The stage models deployed before the outcome moved into the model had no input
   * {@code feedbackOutcome}; their instances keep that version until they end, so their outcome is
   * still known here. Remove once none is open.
   */
  private static String outcomeInEarlierModels(final String stage, final String xdrOutcome) {
    return switch (stage) {
      case "xdr-handoff" -> xdrOutcome;
      case "sales-acceptance" -> "rejected";
      case "opportunity" -> "lost";
      default -> throw CamundaError.jobError("record-feedback needs the input 'feedbackOutcome'", null, 0);
    };
  }
}
