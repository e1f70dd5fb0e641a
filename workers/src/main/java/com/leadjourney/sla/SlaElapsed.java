package com.leadjourney.sla;

import com.leadjourney.routing.Teams;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How long an SLA clock has run: since the lead was routed, in the team's working time and on the wall. */
@Component
class SlaElapsed {

  private final JdbcTemplate jdbc;
  private final Teams teams;

  SlaElapsed(final JdbcTemplate jdbc, final Teams teams) {
    this.jdbc = jdbc;
    this.teams = teams;
  }

  String since(final String leadId, final String stage, final Instant at) {
    return jdbc.query(
            "select team, decided_at from routing_decision where lead_id = ? and stage = ? order by decided_at desc, job_key desc limit 1",
            (row, i) -> {
              final Instant routedAt = row.getTimestamp(2).toInstant();
              return teams.hoursOf(row.getString(1)).between(routedAt, at).toMinutes() + " min business / "
                  + Duration.between(routedAt, at).toMinutes() + " min wall time since routing";
            },
            leadId, stage)
        .stream().findFirst().orElse("not routed");
  }
}
