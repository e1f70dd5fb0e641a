package com.leadjourney.customer;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** Job type {@code attribute-revenue}. */
@Component
public class AttributeRevenueWorker {

  private final Attribution attribution;

  AttributeRevenueWorker(final Attribution attribution) {
    this.attribution = attribution;
  }

  @JobWorker(type = "attribute-revenue")
  public void attributeRevenue(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    attribution.credit(leadId);
  }
}
