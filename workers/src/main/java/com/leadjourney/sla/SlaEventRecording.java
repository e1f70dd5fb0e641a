package com.leadjourney.sla;

import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.notification.Notification;
import com.leadjourney.notification.Notifications;
import com.leadjourney.platform.AfterCommit;
import com.leadjourney.routing.TeamRouting;
import com.leadjourney.routing.Teams;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An SLA timer fired: recorded on the lead's timeline once per firing, counted, and told to the
 * people the model names — the owner routed in a stage, and their team's manager.
 */
@Service
class SlaEventRecording {

  /** Where it happened and whom to tell: the owner is the one routed in {@code ownerStage}. */
  record Firing(String leadId, long jobKey, String stage, String elementId, String ownerStage, boolean tellManager) {}

  private record Owner(String assignee, String manager) {}

  private final Timeline timeline;
  private final Notifications notifications;
  private final LeadRepository leads;
  private final Teams teams;
  private final TeamRouting routing;
  private final MeterRegistry meters;
  private final SlaElapsed elapsed;
  private final Clock clock;

  SlaEventRecording(
      final Timeline timeline,
      final Notifications notifications,
      final LeadRepository leads,
      final Teams teams,
      final TeamRouting routing,
      final MeterRegistry meters,
      final SlaElapsed elapsed,
      final Clock clock) {
    this.timeline = timeline;
    this.notifications = notifications;
    this.leads = leads;
    this.teams = teams;
    this.routing = routing;
    this.meters = meters;
    this.elapsed = elapsed;
    this.clock = clock;
  }

  /** Once per firing: a redelivered job finds it on the timeline and tells nobody twice. */
  @Transactional
  public void record(final SlaEvent event, final Firing firing) {
    final var routed = routing.latest(firing.leadId(), firing.ownerStage());
    final Owner owner =
        routed.map(r -> new Owner(r.assignee(), teams.managerOf(r.teamId()).orElse(null))).orElse(new Owner(null, null));
    final Set<String> recipients = new LinkedHashSet<>();
    if (owner.assignee() != null) {
      recipients.add(owner.assignee());
    }
    // A lead in the team queue has no owner to remind: its manager watches the queue.
    if ((firing.tellManager() || owner.assignee() == null) && owner.manager() != null) {
      recipients.add(owner.manager());
    }
    final String detail =
        firing.elementId() + ": " + event.id + " after " + elapsed.since(routed, clock.instant()) + "; told " + recipients;
    final String dedupeKey = "sla:" + firing.jobKey();
    if (!timeline.recordAt(firing.leadId(), event.timelineType, firing.stage(), firing.elementId(), detail, dedupeKey)) {
      return;
    }
    final String email = leads.existing(firing.leadId()).getEmail();
    for (final String recipient : recipients) {
      notifications.notify(
          new Notification(
              recipient, "sla-" + event.id, firing.leadId(), event.subject(email, owner.assignee()), body(firing)),
          dedupeKey);
    }
    AfterCommit.run(() -> meters.counter("leadjourney.sla.events", "event", event.id, "stage", firing.stage()).increment());
  }

  /**
   * The SLA events each stage's clocks can raise, from the start at 0: {@code increase()} cannot see
   * a new series' first value, and the breach-rate alert divides escalations by touches met.
   */
  @EventListener(ApplicationReadyEvent.class)
  void countFromZero() {
    for (final String stage : List.of("xdr-handoff", "sales-acceptance")) {
      for (final SlaEvent event : List.of(SlaEvent.REMINDED, SlaEvent.ESCALATED, SlaEvent.REASSIGNED)) {
        meters.counter("leadjourney.sla.events", "event", event.id, "stage", stage);
      }
    }
    meters.counter("leadjourney.sla.events", "event", SlaEvent.STALLED.id, "stage", "opportunity");
    for (final String firstTouch : List.of("met", "breached-then-touched")) {
      meters.counter("leadjourney.sla.events", "event", firstTouch, "stage", "xdr-handoff");
    }
  }

  /** What the person reads: the stage in words, not the model's element ids. */
  private static String body(final Firing firing) {
    return switch (firing.ownerStage()) {
      case "xdr-handoff" -> "Stage: XDR handoff (work the lead). Open your inbox to touch it.";
      case "sales-acceptance" -> "Stage: sales acceptance (accept or reject the SQL). Open your inbox to decide.";
      default -> "Stage: " + firing.stage().replace('-', ' ') + ". Open the lead to see where it stands.";
    };
  }
}
