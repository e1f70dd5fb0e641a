package com.leadjourney.salesacceptance;

import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.routing.TeamQueue;
import com.leadjourney.routing.TeamRouting;
import com.leadjourney.sla.SlaClocks;
import com.leadjourney.sla.SlaPolicies;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Job type {@code assign-ae}: the AE who accepts the SQL, and the acceptance deadline
 * ({@code acceptDueAt}) from the SLA clock service — the policy's acceptance window in the AE
 * team's business hours.
 */
@Component
public class AssignAeWorker {

  static final String STAGE = "sales-acceptance";

  private static final SlaClocks.ClockNames CLOCKS = new SlaClocks.ClockNames("acceptDueAt", null, null);

  private final TeamRouting routing;
  private final SlaClocks slaClocks;
  private final LeadRepository leads;
  private final Timeline timeline;
  private final TransactionTemplate transaction;

  AssignAeWorker(
      final TeamRouting routing, final SlaClocks slaClocks, final LeadRepository leads, final Timeline timeline, final TransactionTemplate transaction) {
    this.routing = routing;
    this.slaClocks = slaClocks;
    this.leads = leads;
    this.timeline = timeline;
    this.transaction = transaction;
  }

  @JobWorker(type = "assign-ae")
  public Map<String, Object> assignAe(@Variable(name = JourneyVariables.LEAD_ID) final String leadId, @JobKey final long jobKey) {
    final var policy = slaClocks.policyFor(leadId, SlaPolicies.Promise.ACCEPTANCE); // the engine evaluates it: outside the transaction
    return transaction.execute(
        tx -> {
          final var assignment = routing.assign(routing.requestFor(leads.existing(leadId), STAGE, "ae", timeline.visitOf(leadId, STAGE), 0, jobKey));
          final var due = slaClocks.start(leadId, policy, assignment.teamId(), assignment.decidedAt(), CLOCKS).get(CLOCKS.due());
          return Map.<String, Object>of("aeAssignee", TeamQueue.assigneeVariable(assignment.assignee()), CLOCKS.due(), due.toString());
        });
  }
}
