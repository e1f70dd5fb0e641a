package com.leadjourney.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The first-touch promise for a lead: the DMN {@code sla-policy} (a table the designers and sales
 * leaders edit in Camunda Modeler) over the lead's priority and segment from its last
 * qualification decision. Evaluated by the engine in both modes.
 */
@Service
public class SlaPolicies {

  /** A lead's first-touch policy, in business time. */
  public record Policy(String priority, String segment, Duration firstTouch, double reminderShare, Duration reassignAfter) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CamundaClient client;
  private final JdbcTemplate jdbc;

  SlaPolicies(final CamundaClient client, final JdbcTemplate jdbc) {
    this.client = client;
    this.jdbc = jdbc;
  }

  public Policy forLead(final String leadId) {
    final Map<String, Object> inputs = new HashMap<>();
    jdbc.query(
        "select priority, segment from qualification_decision where lead_id = ? order by visit desc limit 1",
        row -> {
          inputs.put("priority", row.getString(1));
          inputs.put("segment", row.getString(2));
        },
        leadId);
    inputs.putIfAbsent("priority", null);
    inputs.putIfAbsent("segment", null);
    final String output =
        client.newEvaluateDecisionCommand().decisionId("sla-policy").variables(inputs).send().join(10, TimeUnit.SECONDS).getDecisionOutput();
    try {
      final JsonNode policy = JSON.readTree(output);
      return new Policy(
          (String) inputs.get("priority"), (String) inputs.get("segment"), Duration.ofMinutes(policy.get("firstTouchMinutes").asLong()),
          policy.get("reminderShare").asDouble(), Duration.ofMinutes(policy.get("reassignAfterMinutes").asLong()));
    } catch (final Exception e) {
      throw new IllegalStateException("sla-policy answered " + output + "; it must give firstTouchMinutes, reminderShare, reassignAfterMinutes", e);
    }
  }
}
