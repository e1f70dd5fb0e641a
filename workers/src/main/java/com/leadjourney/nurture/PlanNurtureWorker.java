package com.leadjourney.nurture;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job type {@code plan-nurture}. */
@Component
public class PlanNurtureWorker {

  private final NurtureTrack track;

  PlanNurtureWorker(final NurtureTrack track) {
    this.track = track;
  }

  @JobWorker(type = "plan-nurture")
  public Map<String, Object> planNurture(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    return track.plan(leadId);
  }
}
