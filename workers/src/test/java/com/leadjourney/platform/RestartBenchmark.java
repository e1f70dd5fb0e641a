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
 * XDR tasks. First as an orchestrator restarts it (SIGTERM): the engine keeps its state and the
 * next start continues from it, so this measures until the app answers, until a new lead has its
 * task and until a task from before the restart completes. Then, up to 10,000 open journeys (or
 * with -Dbench.restart.crash=true), after SIGKILL: the engine starts empty and every open journey
 * is rebuilt from MySQL, measured until every lead has its XDR task again. Prints a table and
 * writes target/bench/restart.json. Not in the test command:
 *
 * <p>./mvnw -q -pl workers -am verify -Dexec.skip=true -Dtest=RestartBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.mode=full]
 */
class RestartBenchmark {

  private final int open =
      Integer.getInteger("bench.open", "full".equals(System.getProperty("bench.mode")) ? 100_000 : 1_000);
  private final boolean crash = Boolean.parseBoolean(System.getProperty("bench.restart.crash", String.valueOf(open <= 10_000)));
  private final Path dir = EmbeddedAppTest.newDataDir("restart-bench-");
  private final int httpPort = EmbeddedAppTest.freePort();
  private final int dbPort = EmbeddedAppTest.freePort();
  private final List<String> arguments = AppProcess.embedded(dir, dbPort, Duration.ZERO);

  @Test
  void restartWithOpenJourneys() throws Exception {
    final AppProcess first = AppProcess.start(dir, "app-1", httpPort, arguments);
    final long oldTask;
    try {
      postLeads(first, open, "restart");
      awaitCount("select count(*) from human_task where element_id = 'WorkLead' and state = 'OPEN'", open, Duration.ofHours(2));
      oldTask = count("select min(user_task_key) from human_task where element_id = 'WorkLead' and state = 'OPEN'");
    } catch (final RuntimeException | InterruptedException e) {
      first.close();
      throw e;
    }
    final long stopping = System.nanoTime();
    first.close();
    final double stopped = secondsSince(stopping);
    final var graceful = new StringBuilder();
    try (AppProcess second = AppProcess.start(dir, "app-2", httpPort, arguments)) {
      final double answering = secondsSince(stopping);
      final double newLeadTask = newLeadTask(second, "after-restart");
      final long completing = System.nanoTime();
      touchAndComplete(second, oldTask);
      final double oldTaskDone = secondsSince(stopping);
      final long rebuilt = count("select count(*) from journey_event where type = 'JOURNEY_REBUILT'");
      final long replaced = count("select count(*) from human_task where element_id = 'WorkLead' and state = 'CANCELED'");
      System.out.printf("%n(f) embedded restart with %,d open journeys, SIGTERM (engine state kept)%n", open);
      System.out.printf("  old app stopped (state kept)   %8.1f s%n", stopped);
      System.out.printf("  answering /actuator/health    %8.1f s   from SIGTERM; target < 60 s%n", answering);
      System.out.printf("  a new lead's XDR task          %8.1f s   after it was posted, once answering%n", newLeadTask);
      System.out.printf("  a task from before completed   %8.1f s   from SIGTERM (%.2f s for the call)%n", oldTaskDone, secondsSince(completing));
      System.out.printf("  journeys rebuilt / replaced    %,8d / %,d%n", rebuilt, replaced);
      if (rebuilt > 0 || replaced > 0) {
        throw new IllegalStateException("a graceful restart rebuilt " + rebuilt + " journeys and replaced " + replaced + " tasks");
      }
      graceful.append("""
          "stoppedSeconds": %.1f, "answeringSeconds": %.1f, "newLeadTaskSeconds": %.1f, "oldTaskCompletedSeconds": %.1f"""
          .formatted(stopped, answering, newLeadTask, oldTaskDone));
      if (!crash) {
        write(graceful, "");
        return;
      }
      second.kill();
    }
    final long stillOpen = count("select count(*) from human_task where element_id = 'WorkLead' and state = 'OPEN'");
    final long killed = System.nanoTime();
    try (AppProcess third = AppProcess.start(dir, "app-3", httpPort, arguments)) {
      final double answering = secondsSince(killed);
      final double newLeadTask = newLeadTask(third, "after-crash");
      awaitCount("select count(*) from journey_event where type = 'JOURNEY_REBUILT'", stillOpen, Duration.ofHours(2));
      final double rebuilt = secondsSince(killed);
      // A rebuilt journey's task replaces the one open before the crash (the old row is closed).
      awaitCount("select count(*) from human_task where element_id = 'WorkLead' and state = 'CANCELED'", stillOpen, Duration.ofHours(2));
      final double tasksBack = secondsSince(killed);
      System.out.printf("%n(f') embedded restart after SIGKILL, %,d open journeys rebuilt from MySQL%n", stillOpen);
      System.out.printf("  answering /actuator/health    %8.1f s%n", answering);
      System.out.printf("  a new lead's XDR task          %8.1f s   after it was posted, once answering%n", newLeadTask);
      System.out.printf("  every journey recreated        %8.1f s%n", rebuilt);
      System.out.printf("  every XDR task back            %8.1f s%n", tasksBack);
      System.out.printf("  rebuild rate                   %8.0f journeys/s%n", stillOpen / (tasksBack - answering));
      write(graceful, """
          , "crash": {"answeringSeconds": %.1f, "newLeadTaskSeconds": %.1f, "recreatedSeconds": %.1f, "tasksBackSeconds": %.1f}"""
          .formatted(answering, newLeadTask, rebuilt, tasksBack));
    }
  }

  private void write(final CharSequence graceful, final String crashPart) throws java.io.IOException {
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/restart.json"), "{\"openJourneys\": %d, %s%s}%n".formatted(open, graceful, crashPart));
  }

  /** Posts one lead and returns the seconds until its XDR task row exists. */
  private double newLeadTask(final AppProcess app, final String name) throws Exception {
    final String email = "new@" + name + ".com";
    final long posted = System.nanoTime();
    if (app.send("POST", "/api/leads", JourneyDriver.strongFitWebinarLead(email, name), name).statusCode() != 202) {
      throw new IllegalStateException("intake refused the lead " + name);
    }
    awaitCount("select count(*) from human_task x join leads l on l.id = x.lead_id where l.email = '" + email + "'", 1, Duration.ofHours(2));
    return secondsSince(posted);
  }

  private static void touchAndComplete(final AppProcess app, final long userTaskKey) throws java.io.IOException {
    final var touched = app.send("POST", "/api/tasks/" + userTaskKey + "/touches", "{\"kind\":\"call\",\"note\":\"after the restart\"}", null);
    final var completed = app.send("POST", "/api/tasks/" + userTaskKey + "/completion", "{\"outcome\":\"meeting-booked\"}", null);
    if (touched.statusCode() != 200 || completed.statusCode() != 200) {
      throw new IllegalStateException("task " + userTaskKey + " from before the restart: " + touched.body() + " / " + completed.body());
    }
  }

  private void postLeads(final AppProcess app, final int leads, final String prefix) throws InterruptedException {
    final AtomicInteger next = new AtomicInteger();
    try (var clients = Executors.newFixedThreadPool(8)) {
      for (int c = 0; c < 8; c++) {
        clients.execute(() -> {
          for (int i = next.getAndIncrement(); i < leads; i = next.getAndIncrement()) {
            final String body = JourneyDriver.strongFitWebinarLead(prefix + "-%d@restart-co%d.com".formatted(i, i % 500), "Restart co " + i % 500);
            try {
              if (app.send("POST", "/api/leads", body, prefix + "-" + i).statusCode() != 202) {
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
