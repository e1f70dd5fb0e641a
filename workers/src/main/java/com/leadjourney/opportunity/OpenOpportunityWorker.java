package com.leadjourney.opportunity;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job type {@code open-opportunity}. */
@Component
public class OpenOpportunityWorker {

  private final Opportunities opportunities;

  OpenOpportunityWorker(final Opportunities opportunities) {
    this.opportunities = opportunities;
  }

  @JobWorker(type = "open-opportunity")
  public Map<String, Object> openOpportunity(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    return opportunities.open(leadId);
  }
}
