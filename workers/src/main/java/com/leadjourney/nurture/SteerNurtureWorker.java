package com.leadjourney.nurture;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job type {@code steer-nurture}: feedback from sales (message sales-feedback) picks the track. */
@Component
public class SteerNurtureWorker {

  private final NurtureTrack track;

  SteerNurtureWorker(final NurtureTrack track) {
    this.track = track;
  }

  @JobWorker(type = "steer-nurture")
  public Map<String, Object> steerNurture(
      @Variable(name = JourneyVariables.LEAD_ID) final String leadId,
      @Variable(name = "feedbackReason", optional = true) final String reason,
      // Messages published before objections left the engine still carry them.
      @Variable(name = "feedbackObjections", optional = true) final String objections,
      @JobKey final long jobKey) {
    return track.steer(leadId, reason, objections, jobKey);
  }
}
