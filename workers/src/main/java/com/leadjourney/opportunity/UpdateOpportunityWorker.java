package com.leadjourney.opportunity;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job type {@code update-opportunity}: applies the update the message named, once. */
@Component
public class UpdateOpportunityWorker {

  private final Opportunities opportunities;

  UpdateOpportunityWorker(final Opportunities opportunities) {
    this.opportunities = opportunities;
  }

  @JobWorker(type = "update-opportunity")
  public Map<String, Object> updateOpportunity(@Variable(name = "updateId") final String updateId) {
    return opportunities.apply(updateId);
  }
}
