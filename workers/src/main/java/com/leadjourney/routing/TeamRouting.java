package com.leadjourney.routing;

import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Timeline;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who in a team takes a lead (round robin for now), decided once per lead, stage visit and
 * attempt, and stored with its rule. The team's cursor row is locked while it turns, so two leads
 * routed at once never take the same turn.
 */
@Service
public class TeamRouting {

  /** @param decidedAt when it was decided: clocks derived from it are the same on every replay */
  public record Assignment(String assignee, String rule, Instant decidedAt) {}

  private final JdbcTemplate jdbc;
  private final Timeline timeline;
  private final Clock clock;

  TeamRouting(final JdbcTemplate jdbc, final Timeline timeline, final Clock clock) {
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.clock = clock;
  }

  /** Idempotent: a redelivered job or a rebuilt journey gets the decision already made. */
  @Transactional
  public Assignment assign(
      final String leadId, final String stage, final String team, final List<String> members, final int visit, final int attempt, final long jobKey) {
    final var earlier =
        jdbc.query(
            "select assignee, rule, decided_at from routing_decision where lead_id = ? and team = ? and visit = ? and attempt = ?",
            (row, i) -> new Assignment(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()),
            leadId, team, visit, attempt);
    if (!earlier.isEmpty()) {
      return earlier.get(0);
    }
    if (members.isEmpty()) {
      throw new IllegalStateException("Team " + team + " has no members to route to");
    }
    final String assignee = members.get((int) Math.floorMod(nextTurn(team), (long) members.size()));
    final String rule = "round robin in team " + team;
    final Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored: a replay answers the same
    jdbc.update(
        "insert into routing_decision (job_key, lead_id, team, visit, attempt, assignee, rule, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        jobKey, leadId, team, visit, attempt, assignee, rule, Timestamp.from(now));
    timeline.record(
        leadId, JourneyEvent.Type.ROUTED, stage, "assigned to " + assignee + " (rule: " + rule + ")",
        "routed:" + team + ":" + visit + ":" + attempt);
    return new Assignment(assignee, rule, now);
  }

  /**
   * Takes the team's next turn in one statement: the row stays locked until commit, so
   * concurrent routings queue instead of sharing a turn (LAST_INSERT_ID(expr) hands the new value
   * to this connection; MySQL and MariaDB).
   */
  private long nextTurn(final String team) {
    if (jdbc.update("update routing_cursor set position = last_insert_id(position + 1) where team = ?", team) != 1) {
      throw new IllegalStateException("No routing cursor for team " + team);
    }
    return jdbc.queryForObject("select last_insert_id()", Long.class) - 1;
  }
}
