package com.leadjourney.salesacceptance;

import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.lead.JourneyClock;
import com.leadjourney.lead.JourneyClockRepository;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.routing.TeamRouting;
import com.leadjourney.routing.Teams;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Job type {@code assign-ae}: the AE who accepts the SQL, and the deadline in the AE team's hours (acceptDueAt, a stored clock). */
@Component
public class AssignAeWorker {

  static final String STAGE = "sales-acceptance";

  private final TeamRouting routing;
  private final Teams teams;
  private final LeadRepository leads;
  private final Timeline timeline;
  private final JourneyClockRepository clocks;
  private final AcceptanceProperties properties;

  AssignAeWorker(
      final TeamRouting routing,
      final Teams teams,
      final LeadRepository leads,
      final Timeline timeline,
      final JourneyClockRepository clocks,
      final AcceptanceProperties properties) {
    this.routing = routing;
    this.teams = teams;
    this.leads = leads;
    this.timeline = timeline;
    this.clocks = clocks;
    this.properties = properties;
  }

  @JobWorker(type = "assign-ae")
  @Transactional
  public Map<String, Object> assignAe(@Variable(name = JourneyVariables.LEAD_ID) final String leadId, @JobKey final long jobKey) {
    final var request = routing.requestFor(leads.existing(leadId), STAGE, "ae", timeline.visitOf(leadId, STAGE), 0, jobKey);
    final var assignment = routing.assign(request);
    final var due = teams.hoursOf(assignment.teamId()).plus(assignment.decidedAt(), properties.acceptWindow());
    clocks.save(new JourneyClock(leadId, "acceptDueAt", due));
    return Map.of("aeAssignee", assignment.assignee(), "acceptDueAt", due.toString());
  }
}
