package com.leadjourney.prequalification;

import com.leadjourney.definition.QualificationDecisions;
import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job type {@code qualify-lead}: fit (the DMN's matched criteria) beside decayed engagement. */
@Component
public class QualifyLeadWorker {

  private final QualificationDecisions decisions;

  QualifyLeadWorker(final QualificationDecisions decisions) {
    this.decisions = decisions;
  }

  @JobWorker(type = "qualify-lead")
  public Map<String, Object> qualifyLead(
      @Variable(name = JourneyVariables.LEAD_ID) final String leadId, @Variable(name = "fitRules") final List<Map<?, ?>> fitRules) {
    final var decision = decisions.decide(leadId, fitRules == null ? List.of() : fitRules);
    return Map.of("qualification", decision.outcome(), "fitScore", decision.fit(), "engagementScore", decision.engagement());
  }
}
