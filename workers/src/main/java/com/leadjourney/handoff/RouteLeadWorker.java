package com.leadjourney.handoff;

import com.leadjourney.journey.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job type {@code route-lead}: who works the MQL, and by when. */
@Component
public class RouteLeadWorker {

  private final XdrRouting routing;

  RouteLeadWorker(final XdrRouting routing) {
    this.routing = routing;
  }

  @JobWorker(type = "route-lead", fetchVariables = JourneyVariables.LEAD_ID)
  public Map<String, Object> routeLead(final ActivatedJob job) {
    final String leadId = (String) job.getVariablesAsMap().get(JourneyVariables.LEAD_ID);
    return routing.route(leadId, job.getKey()).variables();
  }
}
