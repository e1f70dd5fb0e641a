package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.AppProcess;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.JourneyDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL to the embedded MariaDB alone, in the middle of a load: the app goes on running, answers
 * 503 while its database is gone, and its watchdog starts the server again (InnoDB recovers what was
 * committed). Clients send again, with the same Idempotency-Key, whatever got no 202. Every lead
 * answered 202 is there once, each ends with one XDR task and one routing decision, and no journey
 * ran out of retries into an incident.
 */
@Tag("reliability")
class DatabaseKillTest {

  private static final int LEADS = 300;
  private static final int CLIENTS = 4;

  private final Path dataDir = EmbeddedAppTest.newDataDir("database-kill-");
  private final int httpPort = EmbeddedAppTest.freePort();
  private final int dbPort = EmbeddedAppTest.freePort();
  private final ConcurrentHashMap<Integer, Boolean> accepted = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicLong slowestNanos = new AtomicLong();
  private AppProcess app;

  @AfterEach
  void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void noAcceptedLeadIsLostOrDoubledWhenTheDatabaseIsKilled() throws Exception {
    app = AppProcess.start(dataDir, "app", httpPort, AppProcess.embedded(dataDir, dbPort, Duration.ZERO));
    final AtomicInteger next = new AtomicInteger();
    final var clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      clients.execute(() -> {
        for (int i = next.getAndIncrement(); i < LEADS; i = next.getAndIncrement()) {
          while (!post(i)) {
            pause();
          }
        }
      });
    }
    await().atMost(Duration.ofSeconds(120)).until(() -> count("select count(*) from human_task") >= LEADS / 10);
    final int requestsInFlight = inFlight.get();
    final int answeredBefore = accepted.size();
    app.killDatabase();
    assertThat(requestsInFlight).as("requests in flight at the kill").isPositive();

    clients.shutdown();
    assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).as("every lead accepted in the end").isTrue();
    assertThat(accepted).hasSize(LEADS);
    await().atMost(Duration.ofMinutes(5)).until(() -> count("select count(*) from human_task where element_id = 'WorkLead' and state = 'OPEN'") >= LEADS);
    Thread.sleep(3_000); // a late duplicate would land now

    assertThat(count("select count(*) from leads")).isEqualTo(LEADS);
    assertThat(count("select count(distinct email) from leads")).isEqualTo(LEADS);
    assertThat(count("select count(*) from human_task where element_id = 'WorkLead' and state = 'OPEN'")).as("open XDR tasks").isEqualTo(LEADS);
    assertThat(count("select count(distinct lead_id) from human_task where element_id = 'WorkLead' and state = 'OPEN'")).as("leads with one").isEqualTo(LEADS);
    assertThat(count("select count(*) from routing_decision")).as("routing decisions").isEqualTo(LEADS);
    assertThat(count("select count(*) from (select lead_id from journey_event where type = 'STAGE_ENTERED' group by lead_id, stage having count(*) > 1) twice"))
        .as("stages entered twice").isZero();
    assertThat(app.get("/api/incidents").body()).as("journeys that ran out of retries").isEqualTo("[]");
    assertThat(Files.readString(dataDir.resolve("app.log"))).contains("The embedded MariaDB server", "starting it again");
    System.out.printf(
        "database kill: %d leads, MariaDB killed with %d answered and %d requests in flight; %d attempts refused, the slowest answer %.1f s (waiting for a connection while the watchdog started the server again); 0 lost, 0 doubled, 0 incidents%n",
        LEADS, answeredBefore, requestsInFlight, refused.get(), slowestNanos.get() / 1e9);
  }

  /** One attempt; true once the app answered 202 for this lead. */
  private boolean post(final int i) {
    inFlight.incrementAndGet();
    final long sent = System.nanoTime();
    try {
      final String body = JourneyDriver.strongFitWebinarLead("db-kill-" + i + "@db-kill-co" + i + ".com", "Db kill co " + i);
      if (app.send("POST", "/api/leads", body, "db-kill-" + i).statusCode() == 202) {
        accepted.put(i, true);
        return true;
      }
    } catch (final Exception noAnswer) {
      // sent again below, with the same key
    } finally {
      inFlight.decrementAndGet();
      slowestNanos.accumulateAndGet(System.nanoTime() - sent, Math::max);
    }
    refused.incrementAndGet();
    return false;
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long count(final String sql) {
    return AppProcess.count(dataDir, dbPort, sql);
  }
}
