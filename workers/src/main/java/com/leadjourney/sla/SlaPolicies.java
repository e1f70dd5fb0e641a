package com.leadjourney.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.definition.QualificationDecisions;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/**
 * What sales promises for a lead: the DMN {@code sla-policy} (a table the designers and sales
 * leaders edit in Camunda Modeler) over the promise and the lead's priority and segment from its
 * last qualification decision. Evaluated by the engine in both modes.
 */
@Service
public class SlaPolicies {

  /** The promises the table answers: the XDR's first touch of an MQL, the AE's answer to an SQL. */
  public enum Promise {
    FIRST_TOUCH,
    ACCEPTANCE;

    /** The value of the table's "Promise" column. */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** A promise in business time; {@code reminderShare} and {@code reassignAfter} are null where the table gives none. */
  public record Policy(Promise promise, String priority, String segment, Duration window, Double reminderShare, Duration reassignAfter) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CamundaClient client;
  private final QualificationDecisions decisions;

  SlaPolicies(final CamundaClient client, final QualificationDecisions decisions) {
    this.client = client;
    this.decisions = decisions;
  }

  public Policy forLead(final String leadId, final Promise promise) {
    final var band = decisions.bandOf(leadId);
    return evaluate(promise, band.priority(), band.segment());
  }

  /** The table's answer for a promise, a priority (hot, warm, cold) and a segment (enterprise, mid-market, smb, unknown); null for none known. */
  public Policy evaluate(final Promise promise, final String priority, final String segment) {
    final Map<String, Object> inputs = new HashMap<>();
    inputs.put("promise", promise.id());
    inputs.put("priority", priority);
    inputs.put("segment", segment);
    final String output =
        client.newEvaluateDecisionCommand().decisionId("sla-policy").variables(inputs).send().join(10, TimeUnit.SECONDS).getDecisionOutput();
    try {
      final JsonNode policy = JSON.readTree(output);
      return new Policy(
          promise, priority, segment, Duration.ofMinutes(policy.get("windowMinutes").asLong()),
          policy.get("reminderShare").isNull() ? null : policy.get("reminderShare").asDouble(),
          policy.get("reassignAfterMinutes").isNull() ? null : Duration.ofMinutes(policy.get("reassignAfterMinutes").asLong()));
    } catch (final Exception e) {
      throw new IllegalStateException(
          "sla-policy answered " + output + " for " + promise.id() + "; it must give windowMinutes, reminderShare, reassignAfterMinutes", e);
    }
  }
}
