package com.leadjourney.acceptance;

import com.leadjourney.journey.JourneyVariables;
import com.leadjourney.lead.JourneyClock;
import com.leadjourney.lead.JourneyClockRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.routing.TeamRouting;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Job type {@code assign-ae}: the AE who accepts the SQL, and the deadline (acceptDueAt, a stored clock). */
@Component
public class AssignAeWorker {

  static final String STAGE = "sales-acceptance";

  private final TeamRouting routing;
  private final Timeline timeline;
  private final JourneyClockRepository clocks;
  private final AcceptanceProperties properties;

  AssignAeWorker(
      final TeamRouting routing, final Timeline timeline, final JourneyClockRepository clocks, final AcceptanceProperties properties) {
    this.routing = routing;
    this.timeline = timeline;
    this.clocks = clocks;
    this.properties = properties;
  }

  @JobWorker(type = "assign-ae")
  @Transactional
  public Map<String, Object> assignAe(@Variable(name = JourneyVariables.LEAD_ID) final String leadId, @JobKey final long jobKey) {
    final int visit = timeline.visitOf(leadId, STAGE);
    final var assignment = routing.assign(leadId, STAGE, "ae", properties.aes(), visit, 0, jobKey);
    final var due = assignment.decidedAt().plus(properties.acceptWindow());
    clocks.save(new JourneyClock(leadId, "acceptDueAt", due));
    return Map.of("aeAssignee", assignment.assignee(), "acceptDueAt", due.toString());
  }
}
