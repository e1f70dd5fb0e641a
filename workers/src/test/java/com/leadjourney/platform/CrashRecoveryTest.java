package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.AppProcess;
import com.leadjourney.EmbeddedAppTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The app as its own process: 1,000 journeys waiting on their enrichment timers, the process
 * killed with SIGKILL (its MariaDB child left orphaned), started again. Every journey must go on
 * from where it was, its timer firing at the original due time, nothing recorded twice.
 */
@Tag("reliability")
class CrashRecoveryTest {

  private static final int LEADS = 1_000;
  private static final Duration WINDOW = Duration.ofSeconds(240); // long enough that every timer is still ahead after kill + restart on a slow 2-core machine

  private final Path dataDir = EmbeddedAppTest.newDataDir("crash-");
  private final int httpPort = EmbeddedAppTest.freePort();
  private final int dbPort = EmbeddedAppTest.freePort();
  private final List<AppProcess> started = new ArrayList<>();

  @AfterEach
  void stopApp() throws InterruptedException {
    for (final AppProcess app : started) {
      app.close(); // SIGTERM: lets the app stop its MariaDB
    }
  }

  @Test
  void openJourneysSurviveSigkillWithTheirOriginalTimers() throws Exception {
    final AppProcess first = startApp(1);
    postLeads();
    await().atMost(Duration.ofSeconds(120)).until(() -> count("select count(*) from leads where stage = 'contact-intake'") == LEADS);
    final Map<String, Instant> due = dueTimes();
    assertThat(due).hasSize(LEADS);

    first.kill();
    final Instant killedAt = Instant.now();

    startApp(2);
    await().atMost(Duration.ofSeconds(180)).until(() -> count("select count(*) from journey_event where type = 'JOURNEY_REBUILT'") == LEADS);
    final Instant rebuiltAt = Instant.now();
    assertThat(due.values()).as("every timer is still ahead after the restart, so the test can tell a kept clock from a reset one")
        .allSatisfy(d -> assertThat(d).isAfter(rebuiltAt));

    final Instant lastDue = due.values().stream().max(Instant::compareTo).orElseThrow();
    await().atMost(Duration.between(Instant.now(), lastDue).plusSeconds(60))
        .until(() -> count("select count(*) from journey_event where type = 'STAGE_ENTERED' and stage = 'pre-qualification'") == LEADS);

    assertThat(count("select count(*) from (select lead_id from journey_event where type = 'STAGE_ENTERED' group by lead_id, element_id having count(*) > 1) twice"))
        .as("stage entries recorded twice").isZero();
    assertThat(count("select count(*) from journey_event where type = 'STAGE_ENTERED' and stage in ('contact-intake', 'pre-qualification')"))
        .isEqualTo(2L * LEADS);
    assertThat(count("select count(*) from (select lead_id from journey_event where type = 'ACCOUNT_MATCHED' group by lead_id having count(*) > 1) twice"))
        .as("contact intake re-ran after the restart, its effects did not").isZero();
    final Map<String, Instant> entered = preQualificationEntries();
    for (final var lead : due.entrySet()) {
      final Instant firedAt = entered.get(lead.getKey());
      assertThat(firedAt).as("lead %s due %s", lead.getKey(), lead.getValue())
          .isAfterOrEqualTo(lead.getValue().minusMillis(500))
          .isBefore(lead.getValue().plusSeconds(20));
    }
    System.out.printf(
        "crash recovery: %d journeys, killed at %s, rebuilt after %d ms, all timers fired within 20 s of their original due time%n",
        LEADS, killedAt, Duration.between(killedAt, rebuiltAt).toMillis());
  }

  private AppProcess startApp(final int run) throws Exception {
    final AppProcess app =
        AppProcess.start(dataDir, "app-" + run, httpPort, AppProcess.embedded(dataDir, dbPort, WINDOW));
    started.add(app);
    return app;
  }

  private void postLeads() throws Exception {
    try (var pool = Executors.newFixedThreadPool(4)) {
      final var app = started.getLast();
      final var sent =
          IntStream.range(0, LEADS)
              .mapToObj(i -> pool.submit(() -> app.send("POST", "/api/leads", "{\"email\":\"lead" + i + "@example.com\",\"consent\":true}", "crash-" + i).statusCode()))
              .toList();
      for (final var status : sent) {
        assertThat(status.get()).isEqualTo(202);
      }
    }
  }

  private Connection db() throws SQLException {
    return AppProcess.connect(dataDir, dbPort);
  }

  private long count(final String sql) throws SQLException {
    try (var db = db(); var rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (final SQLException e) {
      return -1; // server between runs
    }
  }

  private Map<String, Instant> dueTimes() throws SQLException {
    return instants("select lead_id, due_at from journey_clock where name = 'enrichmentDueAt'");
  }

  private Map<String, Instant> preQualificationEntries() throws SQLException {
    return instants("select lead_id, occurred_at from journey_event where type = 'STAGE_ENTERED' and stage = 'pre-qualification'");
  }

  private Map<String, Instant> instants(final String sql) throws SQLException {
    final Map<String, Instant> result = new HashMap<>();
    try (var db = db(); var rows = db.createStatement().executeQuery(sql)) {
      while (rows.next()) {
        result.put(rows.getString(1), rows.getObject(2, Timestamp.class).toInstant());
      }
    }
    return result;
  }
}
