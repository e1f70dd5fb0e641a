package com.leadjourney.xdrhandoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.JourneyTest;
import com.leadjourney.OutboundCapture;
import com.leadjourney.platform.HmacSignature;
import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The XDR handoff as the XDR and the manager live it: an MQL lands in an XDR's inbox; the
 * first-touch clock reminds, escalates, and finally hands the lead to the next XDR; the new owner
 * recycles it with a reason. Time moves with the engine clock, never by sleeping.
 */
class XdrHandoffProcessTest extends JourneyTest {

  @Autowired CamundaClient client;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;


  private List<Map<String, Object>> openTasksOf(final String leadId) {
    return driver().openTasks(leadId, "xdr-handoff");
  }

  private List<String> timelineTypes(final String leadId) {
    return driver().timelineTypes(leadId);
  }

  private String detail(final String leadId, final String type) {
    return driver().detailOf(leadId, type);
  }

  private Map<String, Object> awaitOneOpenTask(final String leadId) {
    return driver().awaitTask(leadId, "xdr-handoff");
  }

  @Test
  void anUntouchedMqlIsRemindedEscalatedAndReassignedThenRecycledWithAReason() throws Exception {
    final String leadId = api().accept("""
        {"email":"mql@example.com","company":"Acme","consent":true}""");
    final long handoff =
        client.newCreateInstanceCommand().bpmnProcessId("xdr-handoff").latestVersion().variables(Map.of("leadId", leadId)).send().join()
            .getProcessInstanceKey();

    final var first = awaitOneOpenTask(leadId);
    assertThat(first.get("candidateGroups")).asString().contains("xdr");

    engine.advanceClock(Duration.ofHours(2).plusMinutes(1)); // half the 4 h window
    await().atMost(Duration.ofSeconds(30)).until(() -> timelineTypes(leadId).contains("SLA_REMINDED"));
    assertThat(openTasksOf(leadId)).as("a reminder does not take the task away").hasSize(1);
    // The worker records the reminder before the engine hears back: wait for that, or the next
    // clock jump may fire the breach timer first and the path below reads in another order.
    await().atMost(Duration.ofSeconds(30)).until(() -> engine.paths().passed(handoff).contains("ReminderSent"));

    engine.advanceClock(Duration.ofHours(2)); // past the first-touch deadline
    await().atMost(Duration.ofSeconds(30)).until(() -> timelineTypes(leadId).contains("SLA_ESCALATED"));
    assertThat(openTasksOf(leadId)).as("an escalation does not take the task away").hasSize(1);
    // The manager hears of it in the app, by email and in the team's chat webhook (signed).
    final String escalated = "Escalated: " + first.get("assignee") + " has not touched mql@example.com by the deadline";
    await().atMost(Duration.ofSeconds(30))
        .until(() -> OutboundCapture.subjectsTo("manager-mia@localhost").contains(escalated));
    // Email and webhook go out on delivery threads of their own: either may arrive first.
    await().atMost(Duration.ofSeconds(30))
        .until(() -> OutboundCapture.WEBHOOK_CALLS.stream()
            .anyMatch(call -> call.body().contains("\"kind\":\"sla-escalated\"") && call.body().contains(leadId)));
    assertThat(OutboundCapture.WEBHOOK_CALLS).anySatisfy(call -> {
      assertThat(call.body()).contains("\"kind\":\"sla-escalated\"", leadId);
      final var signed = HmacSignature.parse(call.signature()).orElseThrow();
      assertThat(HmacSignature.matches(signed, OutboundCapture.WEBHOOK_SECRET, call.deliveryId(), call.body().getBytes(StandardCharsets.UTF_8)))
          .as("signed with the shared secret, over its time, delivery id and body").isTrue();
      assertThat(signed.isFresh(Instant.now())).isTrue();
    });
    final List<Map<String, Object>> managerInbox = api().admin().getForObject("/api/notifications?recipient=manager-mia", List.class);
    assertThat(managerInbox).anySatisfy(n -> assertThat(n).containsEntry("kind", "sla-escalated").containsEntry("lead_id", leadId));

    engine.advanceClock(Duration.ofHours(1)); // past the reassignment grace
    await().atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              final var open = openTasksOf(leadId);
              return open.size() == 1 && !open.get(0).get("userTaskKey").equals(first.get("userTaskKey"));
            });
    final var second = openTasksOf(leadId).get(0);
    final var touched = api().admin().postForEntity("/api/tasks/" + second.get("userTaskKey") + "/touches", Map.of("kind", "call"), Map.class);
    assertThat(touched.getStatusCode()).isEqualTo(HttpStatus.OK);
    await().atMost(Duration.ofSeconds(30)).until(() -> timelineTypes(leadId).contains("SLA_MET"));
    assertThat(detail(leadId, "SLA_MET")).contains("first touch in time", "min business", "speed-to-lead");
    // Other journeys in this engine take turns too, so who is next is the routing's to say: a new decision, attempt 1.
    assertThat(second.get("assignee"))
        .isEqualTo(jdbc.queryForObject("select assignee from routing_decision where lead_id = ? and team = 'xdr' and attempt = 1", String.class, leadId));
    assertThat(timelineTypes(leadId)).containsSubsequence("ROUTED", "TASK_OPENED", "SLA_REMINDED", "SLA_ESCALATED", "SLA_REASSIGNED", "ROUTED", "TASK_OPENED");
    assertThat(timelineTypes(leadId)).contains("TASK_CANCELED");
    assertThat(engine.paths().passed(handoff)).as("the model's path")
        .containsSubsequence("RouteLead", "ReminderDue", "RemindXdr", "FirstTouchSlaBreached", "EscalateToManager", "ReassignmentDue",
            "ReassignRequested", "RecordReassignment", "RoutingMerge", "RouteLead");

    final String completion = "/api/tasks/" + second.get("userTaskKey") + "/completion";
    final var withoutReason = api().admin().postForEntity(completion, Map.of("outcome", "recycle"), Map.class);
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) withoutReason.getBody().get("detail")).contains("reason", "bad-timing");

    final var recycled =
        api().admin().postForEntity(completion, Map.of("outcome", "recycle", "reason", "bad-timing", "objections", "budget frozen until Q2"), Map.class);
    assertThat(recycled.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(recycled.getBody()).containsEntry("state", "COMPLETED").containsEntry("reason", "bad-timing");
    assertThat(openTasksOf(leadId)).isEmpty();
    await().atMost(Duration.ofSeconds(30)).until(() -> timelineTypes(leadId).contains("FEEDBACK_RECORDED"));
    assertThat(timelineTypes(leadId)).containsSubsequence("TASK_COMPLETED", "FEEDBACK_RECORDED");

    final var again = api().admin().postForEntity(completion, Map.of("outcome", "meeting-booked"), Map.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(api().scrape())
        .contains("leadjourney_sla_events_total{application=\"lead-journey\",event=\"escalated\",stage=\"xdr-handoff\"}");
  }

  @Test
  void anXdrWhoDisqualifiesWithAReasonEndsTheJourneyAndTellsMarketingWhy() {
    final var driver = driver();
    final String leadId = driver.lead("student@contoso-university.edu", "webinar", "webinar-q3", com.leadjourney.JourneyDriver.STRONG_FIT);
    final var task = driver.awaitTask(leadId, "xdr-handoff");
    final var claimed = api().admin().postForEntity("/api/tasks/" + task.get("userTaskKey") + "/claim", null, Map.class);
    assertThat(claimed.getStatusCode()).as("someone else's task").isEqualTo(HttpStatus.CONFLICT);
    assertThat((String) claimed.getBody().get("detail")).contains("assigned to " + task.get("assignee"));
    driver.touch(task, "email");

    driver.complete(task, Map.of("outcome", "disqualify", "reason", "not-decision-maker"));

    driver.awaitClosed(leadId, "disqualified");
    assertThat(driver.detailOf(leadId, "FEEDBACK_RECORDED")).isEqualTo("disqualify: not-decision-maker -> end");
    assertThat(driver.detailOf(leadId, "SLA_MET")).startsWith("first touch in time");
  }

  /** A lead who opts out while an XDR holds its task: the task leaves the inbox and the journey ends, nobody calls them. */
  @Test
  void aLeadWhoOptsOutDuringTheXdrStageLeavesTheInboxAndTheJourneyEnds() {
    final var driver = driver();
    final String leadId = driver.lead("changed.mind@contoso-optout.com", "webinar", "webinar-q3", com.leadjourney.JourneyDriver.STRONG_FIT);
    driver.awaitTask(leadId, "xdr-handoff");

    assertThat(api().admin().postForEntity("/api/leads/" + leadId + "/opt-out", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    driver.awaitClosed(leadId, "opted-out");
    await().atMost(Duration.ofSeconds(30)).until(() -> driver.openTasks(leadId, "xdr-handoff").isEmpty());
  }

  @Test
  void aTaskFromBeforeARestartIsNotRecordedAsWorkedWhileItsJourneyIsRestored() {
    final var driver = driver();
    final String leadId = driver.lead("restored@tailspin-toys.com", "webinar", null, com.leadjourney.JourneyDriver.STRONG_FIT);
    final var live = driver.awaitTask(leadId, "xdr-handoff");
    // The lead's row as an earlier start of the embedded engine left it: its key no longer exists.
    final long earlierKey = io.camunda.zeebe.protocol.Protocol.encodePartitionId(1, 4_242);
    final List<String> columns = jdbc.queryForList(
        "select column_name from information_schema.columns where table_schema = database() and table_name = 'human_task' order by ordinal_position",
        String.class);
    jdbc.update("insert into human_task (" + String.join(", ", columns) + ") select "
        + String.join(", ", columns.stream().map(c -> c.equals("user_task_key") ? "?" : c).toList())
        + " from human_task where user_task_key = ?", earlierKey, ((Number) live.get("userTaskKey")).longValue());

    final var response = api().admin().postForEntity("/api/tasks/" + earlierKey + "/completion", Map.of("outcome", "meeting-booked"), Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("10");
    assertThat((String) response.getBody().get("detail")).contains("from before the app restarted");
    assertThat(jdbc.queryForObject("select state from human_task where user_task_key = ?", String.class, earlierKey)).isEqualTo("OPEN");
    assertThat(timelineTypes(leadId)).doesNotContain("TASK_COMPLETED");
    jdbc.update("delete from human_task where user_task_key = ?", earlierKey);
  }
}
