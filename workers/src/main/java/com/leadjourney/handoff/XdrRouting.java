package com.leadjourney.handoff;

import com.leadjourney.lead.JourneyClock;
import com.leadjourney.lead.JourneyClockRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.routing.TeamRouting;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes an MQL to an XDR and sets the first-touch clocks from the moment it was routed. A
 * reassignment after an SLA breach is a new attempt, so it routes to the next XDR.
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

  static final String TEAM = "xdr";

  private final TeamRouting routing;
  private final Timeline timeline;
  private final JourneyClockRepository clocks;
  private final JdbcTemplate jdbc;
  private final HandoffProperties properties;

  XdrRouting(
      final TeamRouting routing,
      final Timeline timeline,
      final JourneyClockRepository clocks,
      final JdbcTemplate jdbc,
      final HandoffProperties properties) {
    this.routing = routing;
    this.timeline = timeline;
    this.clocks = clocks;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Idempotent per visit and attempt: a redelivered job or a rebuilt journey gets the same XDR and clocks. */
  @Transactional
  Routed route(final String leadId, final long jobKey) {
    final int visit = timeline.visitOf(leadId, HandoffVariables.PROCESS_ID);
    final var assignment =
        routing.assign(leadId, HandoffVariables.PROCESS_ID, TEAM, properties.xdrs(), visit, reassignmentsThisVisit(leadId), jobKey);
    final Instant routedAt = assignment.decidedAt();
    final Instant due = routedAt.plus(properties.firstTouch());
    final var routed =
        new Routed(
            assignment.assignee(),
            due,
            routedAt.plusMillis((long) (properties.firstTouch().toMillis() * properties.reminderShare())),
            due.plus(properties.reassignAfter()));
    clocks.save(new JourneyClock(leadId, HandoffVariables.FIRST_TOUCH_DUE_AT, routed.firstTouchDueAt()));
    clocks.save(new JourneyClock(leadId, HandoffVariables.SLA_REMINDER_AT, routed.reminderAt()));
    clocks.save(new JourneyClock(leadId, HandoffVariables.SLA_REASSIGN_AT, routed.reassignAt()));
    return routed;
  }

  /** Reassignments recorded since the lead entered this handoff: each one is a new routing attempt. */
  private int reassignmentsThisVisit(final String leadId) {
    return jdbc.queryForObject(
        """
        select count(*) from journey_event e where e.lead_id = ? and e.type = 'SLA_REASSIGNED'
        and e.id > coalesce((select max(s.id) from journey_event s where s.lead_id = ? and s.type = 'STAGE_ENTERED'
          and s.stage = ?), 0)""",
        Integer.class, leadId, leadId, HandoffVariables.PROCESS_ID);
  }
}
