package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.AppProcess;
import com.leadjourney.EmbeddedAppTest;
import java.nio.file.Files;
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
 * The app as its own process: 1,000 journeys waiting on their enrichment timers, the app and its
 * MariaDB killed together with SIGKILL, started again half a minute later. The engine continues
 * from its checkpoint and journal (nothing rebuilt from MySQL): every journey goes on from where it
 * was, its timer firing at the original due time, nothing recorded twice.
 */
@Tag("reliability")
class CrashRecoveryTest {

  private static final int LEADS = 1_000;
  private static final Duration WINDOW = Duration.ofSeconds(240); // long enough that every timer is still ahead after kill + restart on a slow 2-core machine
  /** How late a timer may fire; the app stays down longer than this, so a clock reset at the restart shows. */
  private static final Duration TOLERANCE = Duration.ofSeconds(20);

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

    first.killWithDatabase();
    final Instant killedAt = Instant.now();
    Thread.sleep(TOLERANCE.plusSeconds(5).toMillis());

    startApp(2);
    final Instant restartedAt = Instant.now();
    assertThat(Duration.between(killedAt, restartedAt)).as("down longer than the tolerance").isGreaterThan(TOLERANCE);
    assertThat(due.values()).as("every timer is still ahead after the restart, so the test can tell a kept clock from a reset one")
        .allSatisfy(d -> assertThat(d).isAfter(restartedAt));
    assertThat(Files.readString(dataDir.resolve("app-2.log"))).contains("recovered after a crash from checkpoint");

    final Instant lastDue = due.values().stream().max(Instant::compareTo).orElseThrow();
    await().atMost(Duration.between(Instant.now(), lastDue).plusSeconds(60))
        .until(() -> count("select count(*) from journey_event where type = 'STAGE_ENTERED' and stage = 'pre-qualification'") == LEADS);
    assertThat(count("select count(*) from journey_event where type = 'JOURNEY_REBUILT'")).as("journeys rebuilt from MySQL").isZero();

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
          .isBefore(lead.getValue().plus(TOLERANCE));
    }
    System.out.printf(
        "crash recovery: %d journeys, app and database killed at %s, answering again %d ms later (%d ms of it down on purpose), all timers fired within %d s of their original due time%n",
        LEADS, killedAt, Duration.between(killedAt, restartedAt).toMillis(), TOLERANCE.plusSeconds(5).toMillis(), TOLERANCE.toSeconds());
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
