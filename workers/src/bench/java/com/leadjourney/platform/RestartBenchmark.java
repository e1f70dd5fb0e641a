package com.leadjourney.platform;

import com.leadjourney.AppProcess;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.JourneyDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Scenario (f) of the benchmark: the embedded app restarted with open journeys waiting at their
 * XDR tasks. First as an orchestrator restarts it (SIGTERM): the engine keeps its state and the
 * next start continues from it, so this measures until the app answers, until a new lead has its
 * task and until a task from before the restart completes. Then, up to 10,000 open journeys (or
 * with -Dbench.restart.crash=true), after SIGKILL of the app and its MariaDB together: the engine continues from
 * its last checkpoint and the journal after it, measured until it holds every open journey and a task from before
 * the kill (the oldest, the newest) is completed; nothing may be rebuilt. Prints a table, the {@code crash
 * recovery:} line, and writes target/bench/restart.json. Not in the test command:
 *
 * <p>./mvnw -q -pl workers -am verify -Dexec.skip=true -Dtest=RestartBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.mode=full]
 *
 * <p>With -Dbench.restart.from=DIR it fills nothing: it starts the app on the data directory of an app stopped
 * gracefully elsewhere (JourneyBenchmark's leaves 100,000 open journeys in the engine with
 * -Dbench.open=100000; move it out of target/ first, the next test run clears it) and times from the start; with
 * -Dbench.restart.crash=true it then crashes that app too, as above.
 */
class RestartBenchmark {

  private static final String OPEN_TASKS = " from human_task where element_id = 'WorkLead' and state = 'OPEN'";

  // Quick mode: 10,000 — recovery after a crash is about one JVM start (~17 s) whatever the count, so at 1,000 open
  // the rate says more about the JVM than about the engine's replay.
  private final int open =
      Integer.getInteger("bench.open", "full".equals(System.getProperty("bench.mode")) ? 100_000 : 10_000);
  private final boolean crash = Boolean.parseBoolean(System.getProperty("bench.restart.crash", String.valueOf(open <= 10_000)));
  private final String keptElsewhere = System.getProperty("bench.restart.from");
  // As if the app had stayed stopped that much longer: the kept engine clock (the app's follows it) moves on, so a
  // long stop's SLA catch-up is measured without waiting hours for one.
  private final Duration stoppedLonger = Duration.parse(System.getProperty("bench.restart.stopped", "PT0S"));
  private final Path dir = EmbeddedAppTest.newDataDir(keptElsewhere != null ? "restart-from-" : "restart-bench-");
  private final int httpPort = EmbeddedAppTest.freePort();
  private final int dbPort = EmbeddedAppTest.freePort();
  private final List<String> arguments = AppProcess.embedded(dir, dbPort, Duration.ZERO);

  @Test
  void restartWithOpenJourneys() throws Exception {
    if (keptElsewhere != null) {
      restartFromStateKeptElsewhere();
      return;
    }
    final AppProcess first = AppProcess.start(dir, "app-1", httpPort, arguments);
    final long oldTask;
    try {
      postLeads(first, open, "restart");
      awaitCount("select count(*)" + OPEN_TASKS, open, Duration.ofHours(2));
      oldTask = count("select min(user_task_key)" + OPEN_TASKS);
    } catch (final RuntimeException | InterruptedException e) {
      first.close();
      throw e;
    }
    final long stopping = System.nanoTime();
    first.close();
    final double stopped = secondsSince(stopping);
    try (AppProcess second = AppProcess.start(dir, "app-2", httpPort, arguments)) {
      final double answering = secondsSince(stopping);
      System.out.printf("%n(f) embedded restart with %,d open journeys, SIGTERM (engine state kept)%n", open);
      System.out.printf("  old app stopped (state kept)   %8.1f s%n", stopped);
      final String graceful = "\"stoppedSeconds\": %.1f, ".formatted(stopped) + measureGracefulStart(second, stopping, answering, oldTask, "SIGTERM");
      assertNothingRebuilt();
      write(open, graceful, crash ? crashAndRecover(second) : "");
    }
  }

  /**
   * Kills {@code app} and its MariaDB with SIGKILL, starts the app again on the same files and times, from the kill,
   * until the engine holds every journey open before it and the oldest and the newest task from before are
   * completed through the API; prints the {@code crash recovery:} line. Returns the JSON part for restart.json.
   */
  private String crashAndRecover(final AppProcess app) throws Exception {
    final long stillOpen = count("select count(*)" + OPEN_TASKS);
    final long oldest = count("select min(user_task_key)" + OPEN_TASKS);
    final long newest = count("select max(user_task_key)" + OPEN_TASKS);
    app.killWithDatabase();
    final long killed = System.nanoTime();
    try (AppProcess third = AppProcess.start(dir, "app-3", httpPort, arguments)) {
      final double answering = secondsSince(killed);
      final long enginesOpen = awaitEngineHolds(third, stillOpen);
      // Workable: the engine takes a command on a task from before the kill, the oldest and the newest.
      completeEvenIfReassigned(third, oldest);
      completeEvenIfReassigned(third, newest);
      final double workable = secondsSince(killed);
      final double newLeadTask = newLeadTask(third, "after-crash-" + Long.toString(System.currentTimeMillis(), 36));
      System.out.printf("%n(f') embedded restart after SIGKILL of the app and its MariaDB, %,d open journeys%n", stillOpen);
      System.out.printf("  answering /actuator/health    %8.1f s   from the kill%n", answering);
      System.out.printf("  the engine holds every journey %7.1f s   (%,d open in it)%n", workable, enginesOpen);
      System.out.printf("  a new lead's XDR task          %8.1f s   after it was posted, once answering%n", newLeadTask);
      assertNothingRebuilt();
      System.out.printf("crash recovery: %d open, every task workable in %.1f s (%.0f journeys/s)%n", stillOpen, workable, stillOpen / workable);
      return """
          , "crash": {"answeringSeconds": %.1f, "workableSeconds": %.1f, "newLeadTaskSeconds": %.1f}"""
          .formatted(answering, workable, newLeadTask);
    }
  }

  /** Waits until the engine's views show at least {@code journeys} open journeys; returns how many. */
  private static long awaitEngineHolds(final AppProcess app, final long journeys) throws Exception {
    final long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
    long held;
    while ((held = runningInEngine(app)) < journeys) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the engine holds " + held + " of " + journeys + " journeys");
      }
      Thread.sleep(200);
    }
    return held;
  }

  /** The restart of a data directory an app left behind at a graceful stop elsewhere; times from the start. */
  private void restartFromStateKeptElsewhere() throws Exception {
    // On a copy: the run changes the directory (the SLA catch-up, a new lead), and the next run must start from the same state.
    org.springframework.util.FileSystemUtils.copyRecursively(Path.of(keptElsewhere), dir);
    // Journey timestamps are on the app's clock: the wall clock plus the engine clock's offset.
    final double startedAt = System.currentTimeMillis() / 1e3 + moveKeptClockOn(dir.resolve("engine-kept")).toMillis() / 1e3;
    final long starting = System.nanoTime();
    try (AppProcess app = AppProcess.start(dir, "app-restarted", httpPort, arguments)) {
      final double answering = secondsSince(starting);
      // The newest task from before: after a long stop the oldest are the first whose SLA reassigns them (then its lead's next task).
      final long oldTask = count("select max(user_task_key)" + OPEN_TASKS + String.format(Locale.ROOT, " and unix_timestamp(created_at) < %.3f", startedAt));
      final long waiting = runningInEngine(app);
      System.out.printf("%n(f) embedded restart of a copy of %s%s: %,d journeys open in the engine (state kept at a graceful stop)%n", keptElsewhere,
          stoppedLonger.isZero() ? "" : ", stopped " + stoppedLonger.toString().substring(2).toLowerCase(Locale.ROOT) + " longer", waiting);
      final String graceful = measureGracefulStart(app, starting, answering, oldTask, "the start") + slaCatchUp(startedAt);
      assertNothingRebuilt();
      write(waiting, "\"timedFrom\": \"start\", \"stoppedLonger\": \"" + stoppedLonger + "\", " + graceful,
          Boolean.getBoolean("bench.restart.crash") ? crashAndRecover(app) : ""); // only when asked: the copy may be large
    }
  }

  /** Moves the kept engine clock on by {@link #stoppedLonger}; returns its offset from the wall clock. */
  private Duration moveKeptClockOn(final Path keptDir) throws java.io.IOException {
    // The engine's clock offset: its own file when the clock moved since the last checkpoint, else the newest checkpoint's marker.
    Path source = keptDir.resolve("clock.properties");
    if (!Files.exists(source)) {
      try (var kept = Files.list(keptDir)) {
        source = kept.filter(f -> f.getFileName().toString().startsWith("checkpoint-")).max(Path::compareTo).orElseThrow().resolve("kept.properties");
      }
    }
    final var kept = new java.util.Properties();
    try (var in = Files.newBufferedReader(source)) {
      kept.load(in);
    }
    final Duration offset = Duration.parse(kept.getProperty("clockOffset")).plus(stoppedLonger);
    final var clock = new java.util.Properties();
    clock.setProperty("clockOffset", offset.toString());
    try (var out = Files.newBufferedWriter(keptDir.resolve("clock.properties"))) {
      clock.store(out, "RestartBenchmark -Dbench.restart.stopped=" + stoppedLonger);
    }
    return offset;
  }

  /**
   * SLA timers that fell due while the app was stopped all fire when it starts (after a long stop, thousands):
   * how many were recorded, and when the last, from the start. Waits until none came for 10 s.
   */
  private String slaCatchUp(final double startedAt) throws InterruptedException {
    // unix_timestamp: the same instant whatever time zone this connection's session has.
    final String since = " from journey_event where type in ('SLA_REMINDED', 'SLA_ESCALATED', 'SLA_REASSIGNED', 'SLA_STALLED')"
        + String.format(Locale.ROOT, " and unix_timestamp(occurred_at) >= %.3f", startedAt);
    long fired = count("select count(*)" + since);
    int quietSeconds = 0;
    // At most two minutes: with many open journeys reminders keep falling due (one per lead, hours after its task),
    // so a quiet spell may never come; the count so far is then what fell due while stopped plus what followed.
    final long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (quietSeconds < 10 && System.nanoTime() < giveUp) {
      Thread.sleep(1_000);
      final long now = count("select count(*)" + since);
      quietSeconds = now == fired ? quietSeconds + 1 : 0;
      fired = now;
    }
    final double lastSeconds = fired == 0 ? 0 : count(String.format(Locale.ROOT, "select round((max(unix_timestamp(occurred_at)) - %.3f) * 1000)", startedAt) + since) / 1e3;
    System.out.printf("  SLA timers fired at the start  %,8d   (fell due while stopped), the last %.1f s from the start%n", fired, lastSeconds);
    return ", \"slaCatchUp\": {\"fired\": %d, \"lastSeconds\": %.1f}".formatted(fired, lastSeconds);
  }

  /** A new lead's task and an old task completed, timed from {@code since}. */
  private String measureGracefulStart(final AppProcess app, final long since, final double answering, final long oldTask, final String from)
      throws Exception {
    // Its own address each time: a directory restarted twice must not find the last run's lead and its task.
    final double newLeadTask = newLeadTask(app, "after-restart-" + Long.toString(System.currentTimeMillis(), 36));
    final long completing = System.nanoTime();
    final long task = completeEvenIfReassigned(app, oldTask);
    final double oldTaskDone = secondsSince(since);
    System.out.printf("  answering /actuator/health    %8.1f s   from %s; target < 60 s%n", answering, from);
    System.out.printf("  a new lead's XDR task          %8.1f s   after it was posted, once answering%n", newLeadTask);
    System.out.printf("  a task from before completed   %8.1f s   from %s (%.2f s for the call%s)%n", oldTaskDone, from, secondsSince(completing),
        task == oldTask ? "" : "; its SLA had run out: the lead's task after the reassignment");
    return """
        "answeringSeconds": %.1f, "newLeadTaskSeconds": %.1f, "oldTaskCompletedSeconds": %.1f""".formatted(answering, newLeadTask, oldTaskDone);
  }

  /** Touches and completes the task, or the one its lead was handed on with; returns the one completed. */
  private long completeEvenIfReassigned(final AppProcess app, final long oldTask) throws Exception {
    long task = oldTask;
    while (!touchAndComplete(app, task)) {
      // Its SLA ran out while the app was stopped: the engine hands the lead to the next XDR. Work that task.
      task = reassignedTask(oldTask, task);
    }
    return task;
  }

  /** The task the lead of {@code oldTask} was handed on with after {@code canceled}, once the engine created it. */
  private long reassignedTask(final long oldTask, final long canceled) throws InterruptedException {
    final String next = OPEN_TASKS + " and user_task_key > " + canceled + " and lead_id = (select lead_id from human_task where user_task_key = " + oldTask + ")";
    awaitCount("select count(*)" + next, 1, Duration.ofMinutes(30));
    return count("select max(user_task_key)" + next);
  }

  /** A graceful restart continues the kept state: no journey rebuilt, no task replaced. Call once SLA events are quiet. */
  private void assertNothingRebuilt() {
    final long rebuilt = count("select count(*) from journey_event where type = 'JOURNEY_REBUILT'");
    // A task handed to the next XDR because its SLA ran out is canceled too; only the others were replaced.
    final long replaced = count("select count(*) from human_task x where x.element_id = 'WorkLead' and x.state = 'CANCELED'"
        + " and not exists (select 1 from journey_event e where e.lead_id = x.lead_id and e.type = 'SLA_REASSIGNED')");
    System.out.printf("  journeys rebuilt / replaced    %,8d / %,d%n", rebuilt, replaced);
    if (rebuilt > 0 || replaced > 0) {
      throw new IllegalStateException("a graceful restart rebuilt " + rebuilt + " journeys and replaced " + replaced + " tasks");
    }
  }

  /**
   * Journeys the engine holds open, as the designer page counts them: instances of lead-journey, every version (a
   * journey's stage instances are not counted again). The main benchmark's stand-ins (ceiling-lead-journey) are not
   * journeys and are not counted.
   */
  private static long runningInEngine(final AppProcess app) throws java.io.IOException {
    final var row = java.util.regex.Pattern.compile(
        "<td>lead-journey</td>\\s*<td class=\"num\">\\d+</td>\\s*<td>.*?</td>\\s*<td class=\"num\">(\\d+)</td>");
    final var page = row.matcher(app.get("/designer").body());
    long total = 0;
    while (page.find()) {
      total += Long.parseLong(page.group(1));
    }
    return total;
  }

  private static void write(final long openJourneys, final CharSequence graceful, final String crashPart) throws java.io.IOException {
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/restart.json"), "{\"openJourneys\": %d, %s%s}%n".formatted(openJourneys, graceful, crashPart));
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

  /** False when the task was reassigned (409: canceled, or canceling in the engine) before it could be completed. */
  private static boolean touchAndComplete(final AppProcess app, final long userTaskKey) throws java.io.IOException {
    final var touched = app.send("POST", "/api/tasks/" + userTaskKey + "/touches", "{\"kind\":\"call\",\"note\":\"after the restart\"}", null);
    if (touched.statusCode() == 409 && touched.body().contains("canceled")) {
      return false;
    }
    final var completed = app.send("POST", "/api/tasks/" + userTaskKey + "/completion", "{\"outcome\":\"meeting-booked\"}", null);
    if (completed.statusCode() == 409 && completed.body().contains("CANCELING")) {
      return false;
    }
    if (touched.statusCode() != 200 || completed.statusCode() != 200) {
      throw new IllegalStateException("task " + userTaskKey + " from before the restart: " + touched.body() + " / " + completed.body());
    }
    return true;
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
    return AppProcess.count(dir, dbPort, sql);
  }
}
