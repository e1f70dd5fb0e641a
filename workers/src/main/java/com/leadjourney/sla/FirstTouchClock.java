package com.leadjourney.sla;

import com.leadjourney.platform.Minutes;
import com.leadjourney.engine.JourneyMessages;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import com.leadjourney.routing.TeamRouting;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Stops the first-touch clock at the first logged touch: SLA met (or how late), speed-to-lead
 * (intake to first human touch) measured in the SLA bands, and the journey told (message
 * first-touch-logged ends its SLA timers).
 */
@Service
public class FirstTouchClock {

  private static final Duration[] BANDS = {Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60)};

  private final LeadRepository leads;
  private final Timeline timeline;
  private final JourneyMessages messages;
  private final Timer speedToLead;
  private final MeterRegistry meters;
  private final SlaElapsed elapsed;
  private final TeamRouting routing;

  FirstTouchClock(
      final LeadRepository leads,
      final Timeline timeline,
      final JourneyMessages messages,
      final MeterRegistry meters,
      final SlaElapsed elapsed,
      final TeamRouting routing) {
    this.elapsed = elapsed;
    this.routing = routing;
    this.leads = leads;
    this.timeline = timeline;
    this.messages = messages;
    this.meters = meters;
    speedToLead =
        Timer.builder("leadjourney.speed.to.lead")
            .description("From intake accepted to the first human touch logged by an XDR")
            .serviceLevelObjectives(BANDS)
            .register(meters);
  }

  /**
   * Call in the transaction that logs the first touch of a task with a first-touch clock.
   *
   * @param owner whose promise it was: the task's assignee, whoever logged the touch (a manager may)
   */
  public void stopped(
      final String leadId, final long userTaskKey, final String stage, final Instant dueAt, final Instant touchedAt, final String owner) {
    final var lead = leads.findById(leadId).orElseThrow();
    final Duration sinceIntake = Duration.between(timeline.awaitingSince(lead, touchedAt), touchedAt);
    final boolean met = dueAt == null || !touchedAt.isAfter(dueAt);
    final String detail =
        (met ? "first touch in time" : "first touch " + Minutes.of(Duration.between(dueAt, touchedAt)) + " after the deadline")
            + " by " + owner
            + "; " + elapsed.since(routing.latest(leadId, stage), touchedAt) + "; speed-to-lead " + Minutes.of(sinceIntake);
    if (!timeline.record(leadId, met ? JourneyEvent.Type.SLA_MET : JourneyEvent.Type.TOUCH_LOGGED, stage, detail, "first-touch:" + userTaskKey)) {
      return;
    }
    AfterCommit.run(
        () -> {
          speedToLead.record(sinceIntake);
          meters.counter("leadjourney.sla.events", "event", met ? "met" : "breached-then-touched", "stage", stage).increment();
        });
    messages.publishAfterCommit("first-touch-logged", leadId, "first-touch:" + userTaskKey, Duration.ofHours(1), Map.of());
  }
}
