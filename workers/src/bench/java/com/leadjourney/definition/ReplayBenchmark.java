package com.leadjourney.definition;

import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long a replay of the default definition takes over N historical leads (target: 100,000 in
 * under 60 s). Not part of the test command; prints a line and writes target/bench/replay.json.
 *
 * <p>./mvnw -q -pl workers -am verify -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dleads=100000
 */
class ReplayBenchmark extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @Test
  @SuppressWarnings("unchecked")
  void replay() throws Exception {
    final int leads = Integer.getInteger("leads", 100_000);
    final Random random = new Random(7);
    final String[] industries = {"software", "retail", "healthcare", "media", "travel"};
    final String[] seniorities = {"individual", "manager", "director", "vp", "c-level"};
    final long insertStart = System.nanoTime();
    for (int from = 0; from < leads; from += 5_000) {
      final List<Object[]> rows = new ArrayList<>();
      for (int i = from; i < Math.min(leads, from + 5_000); i++) {
        final var created = Timestamp.valueOf(LocalDateTime.of(2022, 1, 1, 0, 0).plusMinutes(i * 5L));
        rows.add(new Object[] {UUID.randomUUID().toString(), "bench" + i + "@history.test", industries[random.nextInt(5)],
            seniorities[random.nextInt(5)], random.nextBoolean() ? "approved" : "none", random.nextInt(5000), random.nextDouble() < 0.1 ? "customer" : "lead",
            created, created});
      }
      jdbc.batchUpdate(
          """
          insert into leads (id, email, source, consent, stage, journey_state, industry, seniority, budget, company_size, history_stage, created_at, updated_at)
          values (?, ?, 'import', true, 'customer', 'ENDED', ?, ?, ?, ?, ?, ?, ?)""",
          rows);
    }
    final double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
    final var admin = new LeadApi(http).admin();
    final long start = System.nanoTime();
    final String id = (String) admin.postForEntity("/api/definitions/v1-default/replays?until=2100-01-01", null, Map.class).getBody().get("id");
    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
        .until(() -> !"running".equals(admin.getForObject("/api/replays/" + id, Map.class).get("state")));
    final double seconds = (System.nanoTime() - start) / 1e9;
    final Map<String, Object> replay = admin.getForObject("/api/replays/" + id, Map.class);
    final String line = String.format("replay: %d leads in %.1f s (%.0f leads/s), state %s; inserting them took %.1f s",
        replay.get("processed"), seconds, ((Number) replay.get("processed")).intValue() / seconds, replay.get("state"), insertSeconds);
    System.out.println(line);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/replay.json"), String.format(
        "{\"leads\": %s, \"seconds\": %.2f, \"state\": \"%s\"}%n", replay.get("processed"), seconds, replay.get("state")));
  }
}
