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
    final String[] decided = {null, null};
    jdbc.query(
        "select priority, segment from qualification_decision where lead_id = ? order by visit desc limit 1",
        row -> {
          decided[0] = row.getString(1);
          decided[1] = row.getString(2);
        },
        leadId);
    return evaluate(decided[0], decided[1]);
  }

  /** The table's answer for a priority (hot, warm, cold) and a segment (enterprise, mid-market, smb, unknown); null for none known. */
  public Policy evaluate(final String priority, final String segment) {
    final Map<String, Object> inputs = new HashMap<>();
    inputs.put("priority", priority);
    inputs.put("segment", segment);
    final String output =
        client.newEvaluateDecisionCommand().decisionId("sla-policy").variables(inputs).send().join(10, TimeUnit.SECONDS).getDecisionOutput();
    try {
      final JsonNode policy = JSON.readTree(output);
      return new Policy(
          priority, segment, Duration.ofMinutes(policy.get("firstTouchMinutes").asLong()),
          policy.get("reminderShare").asDouble(), Duration.ofMinutes(policy.get("reassignAfterMinutes").asLong()));
    } catch (final Exception e) {
      throw new IllegalStateException("sla-policy answered " + output + "; it must give firstTouchMinutes, reminderShare, reassignAfterMinutes", e);
    }
  }
}
