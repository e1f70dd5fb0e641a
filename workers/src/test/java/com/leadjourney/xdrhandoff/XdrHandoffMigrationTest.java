package com.leadjourney.xdrhandoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import com.leadjourney.engine.embedded.EmbeddedEngine;
import com.leadjourney.task.HumanTask;
import com.leadjourney.task.HumanTaskRepository;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A designer ships xdr-handoff v2 while 100 MQLs wait in v1: migrated, every journey keeps its
 * task (same key, same inbox row) and its SLA due times (reminders fire at the old dates, not
 * earlier, not later).
 */
class XdrHandoffMigrationTest extends EmbeddedAppTest {

  private static final int JOURNEYS = 100;

  @Autowired TestRestTemplate http;
  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired HumanTaskRepository tasks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void waitingJourneysMigratedToANewVersionKeepTheirTasksAndClocks() throws IOException {
    final var api = new LeadApi(http);
    final List<String> leads =
        IntStream.range(0, JOURNEYS).mapToObj(i -> api.accept("{\"email\":\"migrate" + i + "@example.com\",\"consent\":true}")).toList();
    leads.forEach(lead -> client.newCreateInstanceCommand().bpmnProcessId("xdr-handoff").latestVersion().variables(Map.of("leadId", lead)).send().join());
    await().atMost(Duration.ofSeconds(60)).until(() -> openTaskKeys(leads).size() == JOURNEYS);
    final Set<Long> tasksBefore = openTaskKeys(leads);

    final String v2 =
        new ClassPathResource("workflows/xdr-handoff.bpmn").getContentAsString(StandardCharsets.UTF_8)
            .replace("name=\"Work the lead\"", "name=\"Work the MQL\"");
    final long v2Key =
        client.newDeployResourceCommand().addResourceStringUtf8(v2, "xdr-handoff.bpmn").send().join()
            .getProcesses().get(0).getProcessDefinitionKey();
    final var waitingElements =
        List.of("WorkUnderSla", "WorkLead", "AwaitFirstTouch", "ReminderDue", "FirstTouchSlaBreached", "ReassignmentDue");

    final Map<?, ?> result =
        api.admin().postForObject(
            "/api/stages/xdr-handoff/migration",
            Map.of("targetProcessDefinitionKey", v2Key, "mappings", waitingElements.stream().map(e -> Map.of("source", e, "target", e)).toList()),
            Map.class);

    assertThat(result.get("failed")).asList().isEmpty();
    assertThat((Integer) result.get("migrated")).isGreaterThanOrEqualTo(JOURNEYS);
    assertThat(openTaskKeys(leads)).as("same tasks, same inbox").isEqualTo(tasksBefore);

    engine.advanceClock(Duration.ofHours(2).minusMinutes(5)); // just before the reminders are due
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> reminders(leads) == 0);
    engine.advanceClock(Duration.ofMinutes(6)); // just after
    await().atMost(Duration.ofSeconds(60)).until(() -> reminders(leads) == JOURNEYS);
  }

  /**
   * Every stage can be migrated, not only the two MySQL knows the instances of: journeys waiting in
   * sales acceptance move to its v2 (found in the engine's catalogue). A target key that does not
   * exist or is another process's is a 400 before anything moves.
   */
  @Test
  void anyStageMigratesAndAWrongTargetIsRefusedBeforeAnythingMoves() throws IOException {
    final var api = new LeadApi(http);
    final List<String> leads =
        IntStream.range(0, 5).mapToObj(i -> api.accept("{\"email\":\"migrate-sales" + i + "@example.com\",\"consent\":true}")).toList();
    leads.forEach(lead -> client.newCreateInstanceCommand().bpmnProcessId("sales-acceptance").latestVersion().variables(Map.of("leadId", lead)).send().join());
    await().atMost(Duration.ofSeconds(60)).until(() -> openTaskKeys(leads).size() == leads.size());
    final String v2 = new ClassPathResource("workflows/sales-acceptance.bpmn").getContentAsString(StandardCharsets.UTF_8)
        .replace("name=\"Accept or reject the SQL\"", "name=\"Accept or reject this SQL\"");
    final long v2Key = client.newDeployResourceCommand().addResourceStringUtf8(v2, "sales-acceptance.bpmn").send().join()
        .getProcesses().get(0).getProcessDefinitionKey();
    final long xdrKey = client.newDeployResourceCommand().addResourceStringUtf8(
            new ClassPathResource("workflows/xdr-handoff.bpmn").getContentAsString(StandardCharsets.UTF_8), "xdr-handoff.bpmn").send().join()
        .getProcesses().get(0).getProcessDefinitionKey();
    final var mappings = List.of(Map.of("source", "AcceptSql", "target", "AcceptSql"),
        Map.of("source", "AcceptanceWindowClosed", "target", "AcceptanceWindowClosed"));

    final var wrongProcess = api.admin().postForEntity("/api/stages/sales-acceptance/migration",
        Map.of("targetProcessDefinitionKey", xdrKey, "mappings", mappings), Map.class);
    assertThat(wrongProcess.getStatusCode()).isEqualTo(org.springframework.http.HttpStatus.BAD_REQUEST);
    assertThat((String) wrongProcess.getBody().get("detail")).contains("of 'xdr-handoff', not of 'sales-acceptance'");
    final var noSuchKey = api.admin().postForEntity("/api/stages/sales-acceptance/migration",
        Map.of("targetProcessDefinitionKey", 42, "mappings", mappings), Map.class);
    assertThat(noSuchKey.getStatusCode()).isEqualTo(org.springframework.http.HttpStatus.BAD_REQUEST);

    final Map<?, ?> result = api.admin().postForObject("/api/stages/sales-acceptance/migration",
        Map.of("targetProcessDefinitionKey", v2Key, "mappings", mappings), Map.class);
    assertThat(result.get("failed")).asList().isEmpty();
    assertThat((Integer) result.get("migrated")).isGreaterThanOrEqualTo(leads.size());
  }

  private Set<Long> openTaskKeys(final List<String> leads) {
    return tasks.findByStateOrderByDueAtAsc(HumanTask.State.OPEN).stream()
        .filter(t -> leads.contains(t.getLeadId()))
        .map(HumanTask::getUserTaskKey)
        .collect(Collectors.toSet());
  }

  private long reminders(final List<String> leads) {
    return jdbc.queryForList("select lead_id from journey_event where type = 'SLA_REMINDED'", String.class).stream()
        .filter(leads::contains)
        .count();
  }
}
