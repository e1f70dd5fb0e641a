package com.leadjourney.handoff;

import com.leadjourney.journey.JourneyVariables;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.JourneyEventRepository;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job type {@code notify-sla}: an SLA timer on the XDR task fired (header {@code event}: reminded,
 * escalated or reassigned). Recorded on the lead's timeline once per firing, and counted.
 * Sending it out (email, webhook) is the routing/SLA work's notification channel.
 */
@Component
public class SlaNotificationWorker {

  private static final Map<String, JourneyEvent.Type> EVENTS =
      Map.of(
          "reminded", JourneyEvent.Type.SLA_REMINDED,
          "escalated", JourneyEvent.Type.SLA_ESCALATED,
          "reassigned", JourneyEvent.Type.SLA_REASSIGNED);

  private final JourneyEventRepository events;
  private final MeterRegistry meters;
  private final Clock clock;

  SlaNotificationWorker(final JourneyEventRepository events, final MeterRegistry meters, final Clock clock) {
    this.events = events;
    this.meters = meters;
    this.clock = clock;
  }

  @JobWorker(type = "notify-sla", fetchVariables = {JourneyVariables.LEAD_ID, HandoffVariables.ASSIGNEE})
  @Transactional
  public void notifySla(final ActivatedJob job) {
    final String event = job.getCustomHeaders().get("event");
    final JourneyEvent.Type type = EVENTS.get(event);
    if (type == null) {
      throw CamundaError.jobError("notify-sla needs the header 'event': one of " + EVENTS.keySet(), null, 0);
    }
    final Map<String, Object> variables = job.getVariablesAsMap();
    final String leadId = (String) variables.get(JourneyVariables.LEAD_ID);
    final var recorded =
        events.recordOnce(
            new JourneyEvent(
                leadId, type, HandoffVariables.PROCESS_ID, job.getElementId(),
                "first-touch SLA of " + variables.get(HandoffVariables.ASSIGNEE) + ": " + event, clock.instant(), "sla:" + job.getKey()));
    if (!recorded) {
      return;
    }
    meters.counter("leadjourney.sla.events", "event", event, "stage", HandoffVariables.PROCESS_ID).increment();
  }
}
