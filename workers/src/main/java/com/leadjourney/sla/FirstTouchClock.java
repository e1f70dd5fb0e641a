package com.leadjourney.sla;

import com.leadjourney.engine.JourneyMessages;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import com.leadjourney.routing.Teams;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
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
  private final JdbcTemplate jdbc;
  private final Teams teams;

  FirstTouchClock(
      final LeadRepository leads,
      final Timeline timeline,
      final JourneyMessages messages,
      final MeterRegistry meters,
      final JdbcTemplate jdbc,
      final Teams teams) {
    this.jdbc = jdbc;
    this.teams = teams;
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

  /** Elapsed since the lead was routed, in the team's working time and on the wall. */
  private String sinceRouting(final String leadId, final String stage, final Instant touchedAt) {
    return jdbc.query(
            "select team, decided_at from routing_decision where lead_id = ? and stage = ? order by decided_at desc, job_key desc limit 1",
            (row, i) -> {
              final Instant routedAt = row.getTimestamp(2).toInstant();
              return teams.hoursOf(row.getString(1)).between(routedAt, touchedAt).toMinutes() + " min business / "
                  + Duration.between(routedAt, touchedAt).toMinutes() + " min wall time since routing";
            },
            leadId, stage)
        .stream().findFirst().orElse("not routed");
  }

  /** Call in the transaction that logs the first touch of a task with a first-touch clock. */
  public void stopped(final String leadId, final long userTaskKey, final String stage, final Instant dueAt, final Instant touchedAt) {
    final var lead = leads.findById(leadId).orElseThrow();
    final Duration sinceIntake = Duration.between(lead.getCreatedAt(), touchedAt);
    final boolean met = dueAt == null || !touchedAt.isAfter(dueAt);
    final String detail =
        (met ? "first touch in time" : "first touch " + Duration.between(dueAt, touchedAt).toMinutes() + " min after the deadline")
            + "; " + sinceRouting(leadId, stage, touchedAt) + "; speed-to-lead " + sinceIntake.toMinutes() + " min";
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
