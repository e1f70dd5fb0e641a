package com.leadjourney.sla;

import com.leadjourney.platform.Minutes;
import com.leadjourney.routing.TeamRouting;
import com.leadjourney.routing.Teams;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** How long an SLA clock has run: since the lead was routed, in the team's working time and on the wall. */
@Component
class SlaElapsed {

  private final Teams teams;

  SlaElapsed(final Teams teams) {
    this.teams = teams;
  }

  /** {@code routed}: the decision that started the clock, if the lead was routed in the stage. */
  String since(final Optional<TeamRouting.Assignment> routed, final Instant at) {
    return routed
        .map(
            decision ->
                Minutes.of(teams.hoursOf(decision.teamId()).between(decision.decidedAt(), at)) + " business / "
                    + Minutes.of(Duration.between(decision.decidedAt(), at)) + " wall time since routing")
        .orElse("not routed");
  }
}
