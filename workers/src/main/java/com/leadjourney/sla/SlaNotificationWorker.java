package com.leadjourney.sla;

import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.notification.Notification;
import com.leadjourney.notification.Notifications;
import com.leadjourney.platform.AfterCommit;
import com.leadjourney.routing.TeamRouting;
import com.leadjourney.routing.Teams;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job type {@code notify-sla}: an SLA timer fired (header {@code event}: reminded, escalated,
 * reassigned, stalled) on the XDR's first touch, the AE's acceptance window or a stalled
 * opportunity. Recorded on the lead's timeline once per firing, counted, and told to the people it
 * concerns — the owner, and from escalation on their team's manager — through every channel.
 */
@Component
public class SlaNotificationWorker {

  private static final Map<String, JourneyEvent.Type> EVENTS =
      Map.of(
          "reminded", JourneyEvent.Type.SLA_REMINDED,
          "escalated", JourneyEvent.Type.SLA_ESCALATED,
          "reassigned", JourneyEvent.Type.SLA_REASSIGNED,
          "stalled", JourneyEvent.Type.SLA_STALLED);

  /** Whose promise it is: an opportunity belongs to the AE who accepted it. */
  private static final Map<String, String> ROUTED_IN = Map.of("opportunity", "sales-acceptance");

  private record Owner(String assignee, String manager) {}

  private final Timeline timeline;
  private final Notifications notifications;
  private final LeadRepository leads;
  private final Teams teams;
  private final TeamRouting routing;
  private final MeterRegistry meters;
  private final SlaElapsed elapsed;
  private final Clock clock;

  SlaNotificationWorker(
      final Timeline timeline,
      final Notifications notifications,
      final LeadRepository leads,
      final Teams teams,
      final TeamRouting routing,
      final MeterRegistry meters,
      final SlaElapsed elapsed,
      final Clock clock) {
    this.elapsed = elapsed;
    this.clock = clock;
    this.timeline = timeline;
    this.notifications = notifications;
    this.leads = leads;
    this.teams = teams;
    this.routing = routing;
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
    final var routed = routing.latest(leadId, ROUTED_IN.getOrDefault(stage, stage));
    final Owner owner =
        routed.map(r -> new Owner(r.assignee(), teams.managerOf(r.teamId()).orElse(null))).orElse(new Owner(null, null));
    final Set<String> recipients = new LinkedHashSet<>();
    if (owner.assignee() != null) {
      recipients.add(owner.assignee());
    }
    if (!"reminded".equals(event) && owner.manager() != null) {
      recipients.add(owner.manager());
    }
    final String detail =
        job.getElementId() + ": " + event + " after " + elapsed.since(routed, clock.instant())
            + "; told " + recipients;
    if (!timeline.recordAt(leadId, type, stage, job.getElementId(), detail, "sla:" + jobKey)) {
      return;
    }
    final String email = leads.existing(leadId).getEmail();
    for (final String recipient : recipients) {
      notifications.notify(
          new Notification(recipient, "sla-" + event, leadId, subject(event, email, owner), job.getElementId() + " in " + stage), "sla:" + jobKey);
    }
    AfterCommit.run(() -> meters.counter("leadjourney.sla.events", "event", event, "stage", stage).increment());
  }

  private static String subject(final String event, final String email, final Owner owner) {
    return switch (event) {
      case "reminded" -> "Reminder: " + email + " is waiting for your first touch";
      case "escalated" -> "Escalated: " + owner.assignee() + " has not touched " + email + " by the deadline";
      case "reassigned" -> "Reassigned: " + email + " was taken from " + owner.assignee() + " and routed again";
      default -> "Stalled: the opportunity of " + email + " has not moved";
    };
  }
}
