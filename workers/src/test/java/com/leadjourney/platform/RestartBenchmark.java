package com.leadjourney.platform;

import com.leadjourney.AppProcess;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.JourneyDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Scenario (f) of the benchmark: the embedded app restarted with open journeys waiting at their
 * XDR tasks. The embedded engine starts empty, so every open journey is rebuilt from MySQL; this
 * measures until the app answers, until every journey is recreated, and until every lead has its
 * XDR task again. Prints a table and writes target/bench/restart.json. Not in the test command:
 *
 * <p>./mvnw -q -pl workers -am verify -Dexec.skip=true -Dtest=RestartBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.mode=full]
 */
class RestartBenchmark {

  private final int open = "full".equals(System.getProperty("bench.mode")) ? 100_000 : 1_000;
  private final Path dir = EmbeddedAppTest.newDataDir("restart-bench-");
  private final int httpPort = EmbeddedAppTest.freePort();
  private final int dbPort = EmbeddedAppTest.freePort();
  private final List<String> arguments = AppProcess.embedded(dir, dbPort, Duration.ZERO);

  @Test
  void restartWithOpenJourneys() throws Exception {
    try (AppProcess first = AppProcess.start(dir, "app-1", httpPort, arguments)) {
      postLeads(first);
      awaitCount("select count(*) from human_task where element_id = 'WorkLead' and state = 'OPEN'", open, Duration.ofHours(2));
    }
    final long stopped = System.nanoTime();
    try (AppProcess second = AppProcess.start(dir, "app-2", httpPort, arguments)) {
      final double answering = secondsSince(stopped);
      // A lead arriving right after the restart must not wait for the whole rebuild.
      final long posted = System.nanoTime();
      if (second.send("POST", "/api/leads", JourneyDriver.strongFitWebinarLead("new@after-restart.com", "After restart"), "after-restart").statusCode() != 202) {
        throw new IllegalStateException("intake refused the lead after the restart");
      }
      awaitCount("select count(*) from human_task x join leads l on l.id = x.lead_id where l.email = 'new@after-restart.com'", 1, Duration.ofHours(2));
      final double newLeadTask = secondsSince(posted);
      awaitCount("select count(*) from journey_event where type = 'JOURNEY_REBUILT'", open, Duration.ofHours(2));
      final double rebuilt = secondsSince(stopped);
      // A rebuilt journey's task replaces the one open before the restart (the old row is closed).
      awaitCount("select count(*) from human_task where element_id = 'WorkLead' and state = 'CANCELED'", open, Duration.ofHours(2));
      final double tasksBack = secondsSince(stopped);
      System.out.printf("%n(f) embedded restart with %,d open journeys (from SIGTERM of the old app)%n", open);
      System.out.printf("  answering /actuator/health    %8.1f s%n", answering);
      System.out.printf("  a new lead's XDR task          %8.1f s   after it was posted, once answering%n", newLeadTask);
      System.out.printf("  every journey recreated        %8.1f s%n", rebuilt);
      System.out.printf("  every XDR task back            %8.1f s   target < 60 s at 100,000%n", tasksBack);
      System.out.printf("  rebuild rate                   %8.0f journeys/s%n", open / (tasksBack - answering));
      Files.createDirectories(Path.of("target/bench"));
      Files.writeString(Path.of("target/bench/restart.json"), """
          {"openJourneys": %d, "answeringSeconds": %.1f, "newLeadTaskSeconds": %.1f, "recreatedSeconds": %.1f, "tasksBackSeconds": %.1f}
          """.formatted(open, answering, newLeadTask, rebuilt, tasksBack));
    }
  }

  private void postLeads(final AppProcess app) throws InterruptedException {
    final AtomicInteger next = new AtomicInteger();
    try (var clients = Executors.newFixedThreadPool(8)) {
      for (int c = 0; c < 8; c++) {
        clients.execute(() -> {
          for (int i = next.getAndIncrement(); i < open; i = next.getAndIncrement()) {
            final String body = JourneyDriver.strongFitWebinarLead("restart-%d@restart-co%d.com".formatted(i, i % 500), "Restart co " + i % 500);
            try {
              if (app.send("POST", "/api/leads", body, "restart-" + i).statusCode() != 202) {
                throw new IllegalStateException("intake refused lead " + i);
              }
            } catch (final java.io.IOException e) {
              throw new IllegalStateException(e);
            }
          }
        });
      }
    }
  }

  /** Waits until the count reaches the target. */
  private void awaitCount(final String sql, final long target, final Duration patience) throws InterruptedException {
    final long deadline = System.nanoTime() + patience.toNanos();
    while (count(sql) < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(count(sql) + " of " + target + " after " + patience + ": " + sql);
      }
      Thread.sleep(200);
    }
  }

  private static double secondsSince(final long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  private long count(final String sql) {
    return AppProcess.count(dbPort, sql);
  }
}
