package com.leadjourney.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** A designer finds where a journey is stuck and why, fixes the data, retries: the journey goes on. */
class IncidentApiTest extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;
  @Autowired CamundaClient client;

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> incidentsOf(final long processInstanceKey) {
    final List<Map<String, Object>> open = new LeadApi(http).admin().getForObject("/api/incidents", List.class);
    return open.stream().filter(i -> ((Number) i.get("processInstanceKey")).longValue() == processInstanceKey).toList();
  }

  @Test
  void aStuckInstanceIsListedWithItsCauseAndContinuesWhenRetriedAfterTheFix() {
    final var probe =
        Bpmn.createExecutableProcess("incident-probe").startEvent().exclusiveGateway("BigEnough")
            .sequenceFlowId("Large").conditionExpression("amount > 100").endEvent("Done").done();
    client.newDeployResourceCommand().addProcessModel(probe, "incident-probe.bpmn").send().join();
    final long instance = client.newCreateInstanceCommand().bpmnProcessId("incident-probe").latestVersion().send().join().getProcessInstanceKey();

    await().atMost(Duration.ofSeconds(30)).until(() -> incidentsOf(instance).size() == 1);
    final var incident = incidentsOf(instance).get(0);
    assertThat(incident).containsEntry("bpmnProcessId", "incident-probe").containsEntry("elementId", "BigEnough");
    assertThat((String) incident.get("errorMessage")).contains("amount > 100");

    client.newSetVariablesCommand(instance).variables(Map.of("amount", 200)).send().join();
    final var retried = new LeadApi(http).admin().postForEntity("/api/incidents/" + incident.get("incidentKey") + "/retry", null, Map.class);

    assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    await().atMost(Duration.ofSeconds(30)).until(() -> incidentsOf(instance).isEmpty());
    final var again = new LeadApi(http).admin().postForEntity("/api/incidents/" + incident.get("incidentKey") + "/retry", null, Map.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
