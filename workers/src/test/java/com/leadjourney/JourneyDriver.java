package com.leadjourney;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.engine.embedded.EmbeddedEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Drives a lead through the journey the way its people do, over the app's HTTP API, with time
 * moved by the engine clock. Each step waits for what a user would wait for, never sleeps.
 */
public record JourneyDriver(TestRestTemplate http, EmbeddedEngine engine) {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /** A buyer who fits the agreed definition well: software VP with budget and pain. */
  public static final String STRONG_FIT =
      """
      {"industry":"software","role":"decision-maker","seniority":"vp","decisionStage":"evaluating","budget":"approved",
       "pain":"confirmed","companySize":500}""";

  /** A strong-fit lead from a webinar as JSON: an MQL, straight to an XDR's task. */
  public static String strongFitWebinarLead(final String email, final String company) {
    return "{\"email\":\"%s\",\"consent\":true,\"company\":\"%s\",\"source\":\"webinar\",\"profile\":%s}"
        .formatted(email, company, STRONG_FIT.replace("\n", ""));
  }

  private LeadApi api() {
    return new LeadApi(http);
  }

  public TestRestTemplate admin() {
    return api().admin();
  }

  /** Posts a lead and lets its enrichment window pass; returns its id. */
  public String lead(final String email, final String source, final String campaign, final String profile) {
    final String leadId = accepted(email, source, campaign, profile);
    passEnrichmentWindow(leadId);
    return leadId;
  }

  /** Posts a lead (its company from the email's domain); returns its id while its enrichment window still runs. */
  public String accepted(final String email, final String source, final String campaign, final String profile) {
    final String json =
        "{\"email\":\"" + email + "\",\"consent\":true,\"company\":\"" + email.substring(email.indexOf('@') + 1) + "\",\"source\":\"" + source
            + "\"" + (campaign == null ? "" : ",\"campaign\":\"" + campaign + "\"") + (profile == null ? "" : ",\"profile\":" + profile) + "}";
    final var accepted = api().post(json, null);
    assertThat(accepted.getStatusCode()).as("intake of %s: %s", email, accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    return (String) accepted.getBody().get("id");
  }

  public void passEnrichmentWindow(final String... leadIds) {
    for (final String leadId : leadIds) {
      awaitTimeline(leadId, "ACCOUNT_MATCHED");
    }
    engine.advanceClock(Duration.ofSeconds(31));
  }

  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> timeline(final String leadId) {
    return (List<Map<String, Object>>) api().lead(leadId).get("timeline");
  }

  public List<String> timelineTypes(final String leadId) {
    return timeline(leadId).stream().map(e -> (String) e.get("type")).toList();
  }

  /** The stages the lead entered, in order. */
  public List<String> stagesEntered(final String leadId) {
    return timeline(leadId).stream().filter(e -> "STAGE_ENTERED".equals(e.get("type"))).map(e -> (String) e.get("stage")).toList();
  }

  public void awaitTimeline(final String leadId, final String type) {
    await().atMost(PATIENCE).until(() -> timelineTypes(leadId).contains(type));
  }

  public void awaitCount(final String leadId, final String type, final long count) {
    await().atMost(PATIENCE).until(() -> timelineTypes(leadId).stream().filter(type::equals).count() >= count);
  }

  /** The detail of the lead's latest timeline line of this type. */
  public String detailOf(final String leadId, final String type) {
    return timeline(leadId).stream().filter(e -> type.equals(e.get("type"))).map(e -> (String) e.get("detail")).reduce((a, b) -> b).orElse(null);
  }

  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> openTasks(final String leadId, final String stage) {
    final List<Map<String, Object>> open = admin().getForObject("/api/tasks?stage=" + stage, List.class);
    return open.stream().filter(t -> leadId.equals(t.get("leadId"))).toList();
  }

  /** Waits for the lead's one open task in the stage (xdr-handoff, sales-acceptance) and returns it. */
  public Map<String, Object> awaitTask(final String leadId, final String stage) {
    await().atMost(PATIENCE).until(() -> openTasks(leadId, stage).size() == 1);
    return openTasks(leadId, stage).get(0);
  }

  @SuppressWarnings("rawtypes")
  public Map complete(final Map<String, Object> task, final Map<String, String> completion) {
    final var response = admin().postForEntity("/api/tasks/" + task.get("userTaskKey") + "/completion", completion, Map.class);
    assertThat(response.getStatusCode()).as("completion %s: %s", completion, response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  public void touch(final Map<String, Object> task, final String kind) {
    final var response = admin().postForEntity("/api/tasks/" + task.get("userTaskKey") + "/touches", Map.of("kind", kind, "note", "left a voicemail"), Map.class);
    assertThat(response.getStatusCode()).as("touch: %s", response.getBody()).isEqualTo(HttpStatus.OK);
  }

  /** From a fresh strong-fit lead to the AE's acceptance task: XDR touched and booked a meeting. */
  public Map<String, Object> sqlAwaitingAcceptance(final String leadId) {
    final var xdrTask = awaitTask(leadId, "xdr-handoff");
    touch(xdrTask, "call");
    complete(xdrTask, Map.of("outcome", "meeting-booked"));
    return awaitTask(leadId, "sales-acceptance");
  }

  /** The lead's open opportunity, once the AE accepted. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> awaitOpportunity(final String leadId) {
    await().atMost(PATIENCE).until(() -> !admin().getForObject("/api/opportunities?leadId=" + leadId, List.class).isEmpty());
    return (Map<String, Object>) admin().getForObject("/api/opportunities?leadId=" + leadId, List.class).get(0);
  }

  /** Returns the update's id. */
  @SuppressWarnings("rawtypes")
  public String updateOpportunity(final Map<String, Object> opportunity, final Map<String, Object> update) {
    final var response = admin().postForEntity("/api/opportunities/" + opportunity.get("id") + "/updates", update, Map.class);
    assertThat(response.getStatusCode()).as("update %s: %s", update, response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    return (String) response.getBody().get("updateId");
  }

  public Map<?, ?> journey(final String leadId) {
    return (Map<?, ?>) api().lead(leadId).get("journey");
  }

  /** The elements the lead's journey completed in its first visit of a stage, read from the engine's records; waits for the stage to end. */
  public List<String> pathThrough(final String leadId, final String stageProcessId) {
    final long journeyKey = ((Number) journey(leadId).get("processInstanceKey")).longValue();
    await().atMost(PATIENCE).until(() -> engine.paths().passedIn(journeyKey, stageProcessId).contains(stageProcessId));
    return engine.paths().passedIn(journeyKey, stageProcessId);
  }

  /** The elements the lead's journey (lead-journey itself) completed so far. */
  public List<String> journeyPath(final String leadId) {
    return engine.paths().passed(((Number) journey(leadId).get("processInstanceKey")).longValue());
  }

  public void awaitClosed(final String leadId, final String result) {
    await().atMost(PATIENCE).until(() -> "ENDED".equals(journey(leadId).get("state")));
    assertThat(journey(leadId).get("result")).isEqualTo(result);
  }
}
