package com.leadjourney.xdrhandoff;

import com.leadjourney.platform.Minutes;
import com.leadjourney.lead.JourneyClockRepository;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.routing.TeamQueue;
import com.leadjourney.routing.TeamRouting;
import com.leadjourney.sla.SlaClocks;
import com.leadjourney.sla.SlaPolicies;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routes an MQL to an XDR and starts the first-touch clocks (the SLA clock service: DMN sla-policy
 * in the routed team's business hours). A reassignment after a breach is a new attempt, so it
 * routes again.
 */
@Service
class XdrRouting {

  /** @param assignee null: the lead waits in the team's queue */
  record Routed(String assignee, Instant firstTouchDueAt, Instant reminderAt, Instant reassignAt) {
    Map<String, Object> variables() {
      return Map.of(
          HandoffVariables.ASSIGNEE, TeamQueue.assigneeVariable(assignee),
          HandoffVariables.FIRST_TOUCH_DUE_AT, firstTouchDueAt.toString(),
          HandoffVariables.SLA_REMINDER_AT, reminderAt.toString(),
          HandoffVariables.SLA_REASSIGN_AT, reassignAt.toString());
    }
  }

  static final String FUNCTION = "xdr";

  private static final SlaClocks.ClockNames CLOCKS =
      new SlaClocks.ClockNames(HandoffVariables.FIRST_TOUCH_DUE_AT, HandoffVariables.SLA_REMINDER_AT, HandoffVariables.SLA_REASSIGN_AT);

  private final TeamRouting routing;
  private final SlaClocks slaClocks;
  private final LeadRepository leads;
  private final JourneyClockRepository clocks;
  private final Timeline timeline;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  XdrRouting(
      final TeamRouting routing,
      final SlaClocks slaClocks,
      final LeadRepository leads,
      final JourneyClockRepository clocks,
      final Timeline timeline,
      final JdbcTemplate jdbc,
      final TransactionTemplate transaction) {
    this.routing = routing;
    this.slaClocks = slaClocks;
    this.leads = leads;
    this.clocks = clocks;
    this.timeline = timeline;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /** Idempotent per visit and attempt: a redelivered job or a rebuilt journey gets the same XDR and clocks. */
  Routed route(final String leadId, final long jobKey) {
    final int visit = timeline.visitOf(leadId, HandoffVariables.PROCESS_ID);
    final int attempt = reassignmentsThisVisit(leadId);
    final var earlier = routing.earlier(leadId, HandoffVariables.PROCESS_ID, visit, attempt);
    if (earlier.isPresent()) {
      return stored(leadId, earlier.get().assignee());
    }
    final var policy = slaClocks.policyFor(leadId, SlaPolicies.Promise.FIRST_TOUCH); // the engine evaluates it: outside the transaction
    return transaction.execute(
        tx -> {
          final var assignment =
              routing.assign(routing.requestFor(leads.existing(leadId), HandoffVariables.PROCESS_ID, FUNCTION, visit, attempt, jobKey));
          final var started = slaClocks.start(leadId, policy, assignment.teamId(), assignment.decidedAt(), CLOCKS);
          final Instant due = started.get(CLOCKS.due());
          final var routed = new Routed(assignment.assignee(), due, started.get(CLOCKS.reminder()), started.get(CLOCKS.reassign()));
          timeline.record(
              leadId, JourneyEvent.Type.SLA_STARTED, HandoffVariables.PROCESS_ID,
              "first touch due " + due + " (" + policy.priority() + "/" + policy.segment() + ": " + Minutes.of(policy.window())
                  + " in team " + assignment.teamId() + "'s hours)",
              "sla-started:" + visit + ":" + attempt);
          return routed;
        });
  }

  /** The clocks set when this decision was made: a later policy change does not move a running clock. */
  private Routed stored(final String leadId, final String assignee) {
    final Map<String, Instant> due = clocks.dueTimes(leadId);
    return new Routed(
        assignee,
        due.get(HandoffVariables.FIRST_TOUCH_DUE_AT),
        due.get(HandoffVariables.SLA_REMINDER_AT),
        due.get(HandoffVariables.SLA_REASSIGN_AT));
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
