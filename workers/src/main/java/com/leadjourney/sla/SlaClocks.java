package com.leadjourney.sla;

import com.leadjourney.lead.JourneyClock;
import com.leadjourney.lead.JourneyClockRepository;
import com.leadjourney.routing.Teams;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The one SLA clock service: when a task is routed, its deadlines are the SLA policy's windows
 * counted in the routed team's business hours from the routing decision, stored as the lead's
 * clocks (a rebuilt journey finds them; a later policy change does not move a running clock) and
 * handed to the model as date variables under the names its timers read.
 */
@Service
public class SlaClocks {

  /** The model's variable names for the deadline, the reminder and the reassignment; null where it has none. */
  public record ClockNames(String due, String reminder, String reassign) {}

  private final SlaPolicies policies;
  private final Teams teams;
  private final JourneyClockRepository clocks;

  SlaClocks(final SlaPolicies policies, final Teams teams, final JourneyClockRepository clocks) {
    this.policies = policies;
    this.teams = teams;
    this.clocks = clocks;
  }

  /** The lead's policy for a promise. The engine evaluates it: call it outside the routing transaction. */
  public SlaPolicies.Policy policyFor(final String leadId, final SlaPolicies.Promise promise) {
    return policies.forLead(leadId, promise);
  }

  /** Starts the clocks of a task routed to {@code teamId} at {@code routedAt}; returns them by variable name (the due time first). */
  public Map<String, Instant> start(
      final String leadId, final SlaPolicies.Policy policy, final String teamId, final Instant routedAt, final ClockNames names) {
    final var hours = teams.hoursOf(teamId);
    final Instant due = hours.plus(routedAt, policy.window());
    final Map<String, Instant> started = new LinkedHashMap<>();
    started.put(names.due(), due);
    if (names.reminder() != null && policy.reminderShare() != null) {
      started.put(names.reminder(), hours.plus(routedAt, policy.window().multipliedBy(Math.round(policy.reminderShare() * 1000)).dividedBy(1000)));
    }
    if (names.reassign() != null && policy.reassignAfter() != null) {
      started.put(names.reassign(), hours.plus(due, policy.reassignAfter()));
    }
    started.forEach((name, at) -> clocks.save(new JourneyClock(leadId, name, at)));
    return started;
  }
}
