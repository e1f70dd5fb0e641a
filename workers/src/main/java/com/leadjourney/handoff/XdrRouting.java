package com.leadjourney.handoff;

import com.leadjourney.lead.JourneyClock;
import com.leadjourney.lead.JourneyClockRepository;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.JourneyEventRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Picks the XDR for an MQL (round robin for now) and sets the first-touch clocks. The cursor row
 * is locked, so two leads routed at once never take the same turn.
 */
@Service
class XdrRouting {

  record Routed(String assignee, Instant firstTouchDueAt, Instant reminderAt, Instant reassignAt) {
    Map<String, Object> variables() {
      return Map.of(
          HandoffVariables.ASSIGNEE, assignee,
          HandoffVariables.FIRST_TOUCH_DUE_AT, firstTouchDueAt.toString(),
          HandoffVariables.SLA_REMINDER_AT, reminderAt.toString(),
          HandoffVariables.SLA_REASSIGN_AT, reassignAt.toString());
    }
  }

  private static final String TEAM = "xdr";

  private final JdbcTemplate jdbc;
  private final JourneyClockRepository clocks;
  private final JourneyEventRepository events;
  private final HandoffProperties properties;
  private final Clock clock;

  XdrRouting(
      final JdbcTemplate jdbc,
      final JourneyClockRepository clocks,
      final JourneyEventRepository events,
      final HandoffProperties properties,
      final Clock clock) {
    this.jdbc = jdbc;
    this.clocks = clocks;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /** Idempotent per routing job: a redelivered job gets the decision it already made. */
  @Transactional
  Routed route(final String leadId, final long jobKey) {
    final var earlier =
        jdbc.queryForList("select assignee from routing_decision where job_key = ?", String.class, jobKey);
    if (!earlier.isEmpty()) {
      return storedDecision(leadId, earlier.get(0));
    }
    final var xdrs = properties.xdrs();
    final String assignee = xdrs.get((int) Math.floorMod(nextTurn(), (long) xdrs.size()));
    final String rule = "round robin in team " + TEAM;
    final Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored: a replay answers the same
    final Instant due = now.plus(properties.firstTouch());
    final var routed =
        new Routed(
            assignee,
            due,
            now.plusMillis((long) (properties.firstTouch().toMillis() * properties.reminderShare())),
            due.plus(properties.reassignAfter()));
    clocks.save(new JourneyClock(leadId, HandoffVariables.FIRST_TOUCH_DUE_AT, routed.firstTouchDueAt()));
    clocks.save(new JourneyClock(leadId, HandoffVariables.SLA_REMINDER_AT, routed.reminderAt()));
    clocks.save(new JourneyClock(leadId, HandoffVariables.SLA_REASSIGN_AT, routed.reassignAt()));
    jdbc.update(
        "insert into routing_decision (job_key, lead_id, assignee, rule, decided_at) values (?, ?, ?, ?, ?)",
        jobKey, leadId, assignee, rule, Timestamp.from(now));
    events.save(
        new JourneyEvent(
            leadId, JourneyEvent.Type.ROUTED, HandoffVariables.PROCESS_ID, null,
            "assigned to " + assignee + " (rule: " + rule + ")", now, "routed:" + jobKey));
    return routed;
  }

  /**
   * Takes the team's next turn in one statement: the row stays locked until commit, so
   * concurrent routings queue instead of sharing a turn (LAST_INSERT_ID(expr) hands the new value
   * to this connection; MySQL and MariaDB).
   */
  private long nextTurn() {
    if (jdbc.update("update routing_cursor set position = last_insert_id(position + 1) where team = ?", TEAM) != 1) {
      throw new IllegalStateException("No routing cursor for team " + TEAM);
    }
    return jdbc.queryForObject("select last_insert_id()", Long.class) - 1;
  }

  private Routed storedDecision(final String leadId, final String assignee) {
    final Map<String, Instant> due = new HashMap<>();
    clocks.findByIdLeadId(leadId).forEach(c -> due.put(c.name(), c.dueAt()));
    return new Routed(
        assignee,
        due.get(HandoffVariables.FIRST_TOUCH_DUE_AT),
        due.get(HandoffVariables.SLA_REMINDER_AT),
        due.get(HandoffVariables.SLA_REASSIGN_AT));
  }
}
