package com.leadjourney.xdrhandoff;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job type {@code route-lead}: who works the MQL, and by when. */
@Component
public class RouteLeadWorker {

  private final XdrRouting routing;

  RouteLeadWorker(final XdrRouting routing) {
    this.routing = routing;
  }

  @JobWorker(type = "route-lead")
  public Map<String, Object> routeLead(@Variable(name = JourneyVariables.LEAD_ID) final String leadId, @JobKey final long jobKey) {
    return routing.route(leadId, jobKey).variables();
  }
}
