package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import com.leadjourney.engine.ProcessDeployment;
import com.leadjourney.security.UserAccounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** What an operator sees: health with engine and database, metrics, live process versions. */
class ObservabilityTest extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessDeployment deployment;
  @Autowired UserAccounts accounts;

  @Test
  @SuppressWarnings("unchecked")
  void healthReportsTheEngineAndTheDatabaseToTheSignedIn() {
    final Map<String, Object> anonymous = http.getForObject("/actuator/health", Map.class);
    assertThat(anonymous).as("a load balancer learns up or down, nothing more").containsOnlyKeys("status").containsEntry("status", "UP");

    final Map<?, ?> health = http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/actuator/health", Map.class);
    assertThat(health.get("status")).isEqualTo("UP");
    final Map<?, ?> components = (Map<?, ?>) health.get("components");
    assertThat(((Map<?, ?>) components.get("engine")).get("status")).isEqualTo("UP");
    assertThat(((Map<?, ?>) components.get("db")).get("status")).isEqualTo("UP");
  }

  @Test
  void theLiveVersionOfEveryProcessIsExposed() {
    await().atMost(Duration.ofSeconds(30)).until(() -> !processes().isEmpty());
    assertThat(processes()).extracting(p -> p.get("bpmnProcessId")).contains("lead-journey");
    assertThat(processes()).allSatisfy(p -> assertThat((Integer) p.get("version")).isPositive());
  }

  @Test
  void redeployingUnchangedModelsCreatesNoNewVersion() throws InterruptedException {
    await().atMost(Duration.ofSeconds(30)).until(() -> !deployment.liveProcesses().isEmpty());
    final var before = deployment.liveProcesses();

    deployment.deployUntilDone(); // what a restart does

    assertThat(deployment.liveProcesses()).isEqualTo(before);
  }

  @Test
  void metricsAreForTheScraperOnly() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).as("anonymous").isEqualTo(401);
    assertThat(http.withBasicAuth("obs-xdr", accounts.create("obs-xdr", List.of("XDR"))).getForEntity("/actuator/prometheus", String.class)
        .getStatusCode().value()).as("pipeline $ and revenue are not an XDR's to read").isEqualTo(403);
    assertThat(new LeadApi(http).scrape()).contains("leadjourney_leads_accepted_total");
  }

  @Test
  void prometheusExposesLeadAndStageMetricsWithBoundedLabels() {
    final var accepted = new LeadApi(http).post("""
        {"email":"metrics@example.com","source":"some-unlisted-source","consent":true}""", null);
    assertThat(accepted.getStatusCode().value()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(30))
        .until(() -> scrape().contains("leadjourney_stage_entered_total{application=\"lead-journey\",stage=\"contact-intake\"}"));
    assertThat(scrape())
        .contains("leadjourney_leads_accepted_total{application=\"lead-journey\",source=\"other\"}")
        .doesNotContain("some-unlisted-source")
        .contains("leadjourney_intake_outbox_pending");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> processes() {
    return http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/api/processes", List.class);
  }

  private String scrape() {
    return new LeadApi(http).scrape();
  }
}
