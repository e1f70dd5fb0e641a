package com.leadjourney.sla;

import com.leadjourney.journey.JourneyVariables;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job type {@code notify-sla}: an SLA timer fired (header {@code event}: reminded, escalated,
 * reassigned, stalled) on the XDR's first touch, the AE's acceptance window or a stalled
 * opportunity. Recorded on the lead's timeline once per firing, and counted. Sending it out
 * (email, webhook) is the routing/SLA work's notification channel.
 */
@Component
public class SlaNotificationWorker {

  private static final Map<String, JourneyEvent.Type> EVENTS =
      Map.of(
          "reminded", JourneyEvent.Type.SLA_REMINDED,
          "escalated", JourneyEvent.Type.SLA_ESCALATED,
          "reassigned", JourneyEvent.Type.SLA_REASSIGNED,
          "stalled", JourneyEvent.Type.SLA_STALLED);

  private final Timeline timeline;
  private final MeterRegistry meters;

  SlaNotificationWorker(final Timeline timeline, final MeterRegistry meters) {
    this.timeline = timeline;
    this.meters = meters;
  }

  @JobWorker(type = "notify-sla")
  @Transactional
  public void notifySla(final ActivatedJob job, @Variable(name = JourneyVariables.LEAD_ID) final String leadId, @JobKey final long jobKey) {
    final String event = job.getCustomHeaders().get("event");
    final JourneyEvent.Type type = EVENTS.get(event);
    if (type == null) {
      throw CamundaError.jobError("notify-sla needs the header 'event': one of " + EVENTS.keySet(), null, 0);
    }
    final String stage = job.getBpmnProcessId();
    if (timeline.recordAt(leadId, type, stage, job.getElementId(), job.getElementId() + ": " + event, "sla:" + jobKey)) {
      AfterCommit.run(() -> meters.counter("leadjourney.sla.events", "event", event, "stage", stage).increment());
    }
  }
}
