package com.leadjourney.nurture;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job type {@code send-nurture-touch}: the touch is recorded and counted; the next is scheduled. */
@Component
public class SendNurtureTouchWorker {

  private final NurtureTrack track;

  SendNurtureTouchWorker(final NurtureTrack track) {
    this.track = track;
  }

  @JobWorker(type = "send-nurture-touch")
  public Map<String, Object> sendNurtureTouch(@Variable(name = JourneyVariables.LEAD_ID) final String leadId, @JobKey final long jobKey) {
    return track.touchSent(leadId, jobKey);
  }
}
