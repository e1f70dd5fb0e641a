package com.leadjourney.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.JourneyDriver;
import com.leadjourney.OwnAppTest;
import com.leadjourney.security.ApiTokens;
import com.leadjourney.security.UserAccounts;
import com.leadjourney.engine.Incidents;
import com.leadjourney.engine.ProcessCatalog;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The product's benchmark: every scenario in one run, in one app, so the ratios compare like with
 * like on a noisy machine. Prints a table and the lines {@code e2e/ceiling:}, {@code e2e/ceiling (loaded):} and
 * {@code flatness:}, and writes target/bench/journey.json. Not part of the test command. Every ratio compares like
 * with like: the same number of journeys, the same warm-up, the better of two, at the same open count.
 *
 * <ul>
 *   <li>(a) ceiling: the same BPMN models (deployed under ceiling-* ids) with no-op workers, instances
 *       started straight on the engine, counted when the XDR task is created, canceled afterwards (stand-ins are
 *       never left open); then the fill: the mode's open journeys as real leads through the intake API, each
 *       waiting at its XDR task with its MySQL rows;
 *   <li>(b) end to end: HTTP intake (API token) → MySQL → outbox → engine → intake, qualification and
 *       routing workers → the XDR task row;
 *   <li>(c) flatness: (b) again with the real open journeys and (g)'s stored leads, and the ceiling again beside it;
 *   <li>(d) machine speed-to-lead at half of (b)'s rate: intake accepted → task row, p50/p95/p99;
 *   <li>(e) heap after GC with the open journeys; (g) CSV import; (h) cadence review queries, p95.
 * </ul>
 *
 * <p>./mvnw -q -pl workers -am -Pbench verify [-Dbench.mode=full] [-Dbench.open=N] [-Dbench.import=N] [-Dbench.cadence=N, 0: no (h)]
 * [-Dbench.reminders=false: the full mode's loaded phases without waiting for the first SLA reminders]
 */
class JourneyBenchmark extends OwnAppTest {

  /** Sizes of one run: quick stays under 10 minutes on two cores; full is the product's targets. */
  private record Mode(String name, int e2eLeads, int openJourneys, int speedSeconds, int importRows, int cadenceLeads, boolean awaitReminders) {}

  private static final Mode QUICK = new Mode("quick", 600, 5_000, 30, 20_000, 100_000, false);
  private static final Mode FULL = new Mode("full", 3_000, 100_000, 60, 100_000, 1_000_000, true);
  private static final String CANNED_PAST = "2000-01-01T00:00:00Z";
  private static final String CANNED_FUTURE = "2100-01-01T00:00:00Z";
  private static final List<String> MODELS = List.of(
      "lead-journey", "contact-intake", "pre-qualification", "nurture", "xdr-handoff", "sales-acceptance", "opportunity", "customer");
  private static final int CLIENTS = 8;
  /** Named so the CPU split does not count the benchmark's own clients as the app's job workers. */
  private static final ThreadFactory BENCH_CLIENTS = Thread.ofPlatform().name("bench-client-", 0).factory();
  /** A batch's XDR tasks with their leads (the batch is the email's prefix). */
  private static final String BATCH_TASKS =
      " from human_task x join leads l on l.id = x.lead_id where l.email like ? and x.element_id = 'WorkLead'";
  /** Speed-to-lead of one of them: intake to task row. */
  private static final String WAIT = "timestampdiff(microsecond, l.created_at, x.created_at)";
  private static final Duration SETTLE = Duration.ofMinutes(1);

  @DynamicPropertySource
  static void benchmark(final DynamicPropertyRegistry registry) {
    // Machine speed only: the deliberate wait for enrichment data is not the engine's time.
    registry.add("leadjourney.intake.enrichment-window", () -> "0s");
  }

  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired CamundaClient client;
  @Autowired ProcessCatalog catalog;
  @Autowired Incidents incidents;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  @Value("${local.server.port}")
  int port;

  private final HttpClient httpClient = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS, BENCH_CLIENTS)).build();
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final List<String[]> table = new ArrayList<>();
  private String token;
  private int run;

  @Test
  void benchmark() throws Exception {
    final Mode sizes = "full".equals(System.getProperty("bench.mode")) ? FULL : QUICK;
    // -Dbench.open / -Dbench.import: one dimension at full size, to tell which one costs.
    final Mode mode = new Mode(sizes.name(), sizes.e2eLeads(), Integer.getInteger("bench.open", sizes.openJourneys()), sizes.speedSeconds(),
        Integer.getInteger("bench.import", sizes.importRows()), Integer.getInteger("bench.cadence", sizes.cadenceLeads()),
        Boolean.parseBoolean(System.getProperty("bench.reminders", String.valueOf(sizes.awaitReminders()))));
    results.put("mode", mode.name());
    results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + (Runtime.getRuntime().maxMemory() >> 20) + " MB max heap, "
        + System.getProperty("java.version"));
    prepare();

    if ("a".equals(System.getProperty("bench.only"))) { // while working on the ceiling alone
      row("a", "ceiling", "%.1f journeys/s".formatted(ceiling(Integer.getInteger("bench.journeys", 1000))), "");
      return;
    }
    if ("h".equals(System.getProperty("bench.only"))) { // while working on the cadence reviews: some history, then (h)
      endToEnd(mode.e2eLeads());
      importRows(mode.importRows(), "hist");
      row("h", "cadence review p95 over %,d leads".formatted(mode.cadenceLeads()), "%.0f ms".formatted(cadenceP95(mode.cadenceLeads())), "< 300 ms");
      print(Double.NaN, Double.NaN, Double.NaN);
      return;
    }
    // Warm-up (JIT, pools, caches) of both the engine and the app, leaving nothing open: without it the
    // loaded run (c), which follows the ceiling, looked 20-40% faster than the empty one.
    run++;
    ceiling(1_000, false);
    // The import too: run first in (g), its code paths deoptimised shared code (JDBC, Hibernate, Jackson) and C2
    // spent 50-60% of a core recompiling during (c), which then measured the compiler, not the stored leads.
    importRows(2_000, "warm");
    final int warmUpRounds = warmUpUntilJitSettles(mode.e2eLeads());
    results.put("warmUpRounds", warmUpRounds);
    // The better of two runs: the empty system's best, so flatness is not flattered by a slow first run.
    final double e2e = Math.max(endToEnd(mode.e2eLeads()), endToEnd(mode.e2eLeads()));
    row("b", "end to end, empty (better of two)", "%.1f leads/s".formatted(e2e), "");
    results.put("e2eLeadsPerSecond", e2e);
    if ("b".equals(System.getProperty("bench.only"))) { // while tuning the path
      return;
    }

    // The ceiling like (b): the same number of journeys, after the same warm-up, the better of two, on the same
    // empty engine. Its journeys are canceled after each run: stand-ins are never counted as open.
    final double ceilingEmpty = Math.max(ceiling(mode.e2eLeads(), false), ceiling(mode.e2eLeads(), false));
    row("a", "ceiling, no-op workers, empty (%,d journeys, better of two)".formatted(mode.e2eLeads()), "%.1f journeys/s".formatted(ceilingEmpty), "");
    results.put("ceilingJourneysPerSecond", ceilingEmpty);

    speedToLeadRow(e2e / 2, mode.speedSeconds(), "", "speedToLead");
    if ("d".equals(System.getProperty("bench.only"))) { // while working on speed-to-lead: measured as the full run does, after (b)
      print(Double.NaN, Double.NaN, Double.NaN);
      return;
    }

    // Real open journeys: leads through the intake API, each waiting at its XDR task with its MySQL rows
    // (lead, timeline, routing decision, SLA clocks, task row), as the product holds them.
    // The warm-up rounds, (b) and (d) left theirs open already: the fill brings the count to the mode's size,
    // so "100,000 open" is what (c), (d) loaded and (e) stand beside, not 100,000 plus the warm-up's.
    final int toFill = (int) Math.max(1, mode.openJourneys() - openXdrTasks());
    final double fillRate = endToEnd(toFill, Duration.ofHours(3));
    row("a", "fill: %,d more real open journeys through the intake API, %,d open".formatted(toFill, openXdrTasks()),
        "%.1f leads/s (%.0f s)".formatted(fillRate, toFill / fillRate), "");
    results.put("fillLeadsPerSecond", fillRate);
    results.put("openJourneys", openXdrTasks());

    // Measured as (b) is — after the same warm-up, then the better of two — so the two figures of the ratio
    // are taken alike. The import (g) comes after them: run first (stop 19, 100,000 open) it deoptimised the
    // shared path, and the first round after it ran at 10.4 /s, the second at 14.1. The idle minute lets the
    // engine's RocksDB finish the compactions the fill left behind.
    Thread.sleep(SETTLE.toMillis());
    // A system with this many open tasks reminds their owners all day: the loaded figures are taken while the SLA
    // reminders of the leads opened before the fill fall due (stop 40's run ended before any did).
    if (mode.awaitReminders()) {
      results.put("waitedForRemindersSeconds", awaitFirstReminders());
      endToEnd(mode.e2eLeads() / 10); // the pools and connections back in use after the idle wait; not measured
    }
    // Speed-to-lead at full size, at the same rate as the empty (d): the target is for a loaded system.
    speedToLeadRow(e2e / 2, mode.speedSeconds(), ", %,d real open".formatted(openXdrTasks()), "speedToLeadLoaded");
    results.put("loadedWarmUpRounds", warmUpUntilJitSettles(mode.e2eLeads()));
    final double loadedFirst = endToEnd(mode.e2eLeads());
    final double loaded = Math.max(loadedFirst, endToEnd(mode.e2eLeads()));
    final long open = openXdrTasks();
    row("c", "end to end, %,d real open (better of two; first %.1f)".formatted(open, loadedFirst),
        "%.1f leads/s".formatted(loaded), "");
    results.put("e2eLoadedLeadsPerSecond", loaded);
    final double ceilingLoaded = Math.max(ceiling(mode.e2eLeads(), false), ceiling(mode.e2eLeads(), false));
    row("a", "ceiling, no-op workers, %,d real open (%,d journeys, better of two)".formatted(open, mode.e2eLeads()),
        "%.1f journeys/s".formatted(ceilingLoaded), "");
    results.put("ceilingLoadedJourneysPerSecond", ceilingLoaded);
    System.out.printf("bench e2e/ceiling (loaded): %.2f, flatness %.2f (printed again at the end)%n", loaded / ceilingLoaded, loaded / e2e);

    final double importSeconds = importRows(mode.importRows(), "hist");
    row("g", "import %,d CSV rows beside %,d real open".formatted(mode.importRows(), openXdrTasks()), "%.1f s".formatted(importSeconds), "100,000 < 5 min");
    results.put("importSeconds", importSeconds);

    final long heap = heapAfterGc();
    row("e", "heap after GC, %,d real open + %,d imported".formatted(openXdrTasks(), mode.importRows()), "%,d MB".formatted(heap >> 20), "< 1 GB at 100,000");
    results.put("heapAfterGcBytes", heap);

    // -Dbench.cadence=0 leaves (h) out: its copies of old leads carry open task rows no engine holds, so a data
    // directory kept for RestartBenchmark -Dbench.restart.from must not have them.
    if (mode.cadenceLeads() > 0) {
      final double p95 = cadenceP95(mode.cadenceLeads());
      row("h", "cadence review p95 over %,d leads".formatted(mode.cadenceLeads()), "%.0f ms".formatted(p95), "< 300 ms");
      results.put("cadenceP95Ms", p95);
    }

    row("f", "embedded restart with open journeys", "see RestartBenchmark (needs its own process)", "< 60 s");
    print(e2e / ceilingEmpty, loaded / ceilingLoaded, loaded / e2e);
  }

  // --- setup ----------------------------------------------------------------------------------

  private void prepare() {
    accounts.create("bench-integration", List.of("INTEGRATION", "MARKETING"));
    token = tokens.issue("bench-integration", "benchmark", 1).secret();
    final List<Map<String, Object>> members = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      members.add(Map.of("username", "bench-xdr-" + i, "weight", 1, "active", true));
    }
    final var team = Map.of("name", "Bench XDRs", "function", "xdr", "isDefault", true, "manager", "bench-manager", "timeZone", "UTC",
        "workDays", "MON,TUE,WED,THU,FRI,SAT,SUN", "opens", "00:00", "closes", "00:00", "members", members);
    send("PUT", "/api/teams/xdr-bench", "application/json", json(team));
  }

  // --- (b), (c): end to end -------------------------------------------------------------------

  /** Posts n strong-fit leads from {@value #CLIENTS} clients; leads per second until every one has its XDR task row. */
  private double endToEnd(final int n) throws Exception {
    return endToEnd(n, Duration.ofMinutes(20));
  }

  /**
   * Waits until the SLA reminders of the earliest open leads are falling due (a warm lead's comes halfway through its
   * 240 business minutes, ~2 h after the run's first lead; the bench team works around the clock) and a minute
   * more, so the reminder timers, their jobs and the notifications they write run beside what is measured next.
   * Returns the seconds waited.
   */
  private long awaitFirstReminders() throws InterruptedException {
    final var first = jdbc.queryForObject(
        "select min(c.due_at) from journey_clock c join human_task x on x.lead_id = c.lead_id"
            + " where c.name = 'slaReminderAt' and x.element_id = 'WorkLead' and x.state = 'OPEN'", java.sql.Timestamp.class);
    if (first == null) {
      System.out.println("bench: no open XDR task has an SLA reminder; the loaded phases run without");
      return 0;
    }
    final long seconds = Math.max(0, Duration.between(java.time.Instant.now(), first.toInstant().plus(Duration.ofMinutes(1))).toSeconds());
    System.out.printf("bench: waiting %d s for the first SLA reminders of the open leads (due %s)%n", seconds, first.toInstant());
    Thread.sleep(seconds * 1000);
    return seconds;
  }

  private long openXdrTasks() {
    return jdbc.queryForObject("select count(*) from human_task where element_id = 'WorkLead' and state = 'OPEN'", Long.class);
  }

  private double endToEnd(final int n, final Duration patience) throws Exception {
    final String batch = "e2e" + (++run);
    final long start = System.nanoTime();
    final var pool = Executors.newFixedThreadPool(CLIENTS, BENCH_CLIENTS);
    final AtomicInteger next = new AtomicInteger();
    final List<CompletableFuture<Void>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(CompletableFuture.runAsync(() -> {
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
          postLead(batch, i);
        }
      }, pool));
    }
    CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();
    pool.shutdown();
    awaitTasks(batch, n, patience);
    return n / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * End-to-end rounds until the JIT settles: one round left (b) compiling the app's path during the run (C2 at
   * 24% of a core, against 4% in (c) after the long fill), so the "empty" figure measured the compiler, not the
   * path. Stops at a round that spent under 5% of its time compiling, after at most five.
   */
  private int warmUpUntilJitSettles(final int leads) throws Exception {
    final var jit = ManagementFactory.getCompilationMXBean();
    for (int round = 1; ; round++) {
      final long compiledBefore = jit.getTotalCompilationTime();
      final long start = System.nanoTime();
      final double rate = endToEnd(leads);
      final double share = (jit.getTotalCompilationTime() - compiledBefore) / ((System.nanoTime() - start) / 1e6);
      System.out.printf("bench warm-up round %d: %.1f leads/s, %.0f%% of the time compiling%n", round, rate, share * 100);
      if (share < 0.05 || round == 5) {
        return round;
      }
    }
  }

  private void postLead(final String batch, final int i) {
    final String body = "{\"email\":\"%s-%d@%s-co%d.com\",\"consent\":true,\"company\":\"%s co %d\",\"country\":\"US\",\"source\":\"webinar\",\"campaign\":\"bench\",\"profile\":%s}"
        .formatted(batch, i, batch, i % 500, batch, i % 500, JourneyDriver.STRONG_FIT.replace("\n", ""));
    final int status = send("POST", "/api/leads", "application/json", body);
    if (status != 202) {
      throw new IllegalStateException("intake answered " + status);
    }
  }

  private void awaitTasks(final String batch, final int n, final Duration patience) throws InterruptedException {
    final long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      final long counting = System.nanoTime();
      if (tasksOf(batch) >= n) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(batch + ": only " + tasksOf(batch) + " of " + n + " XDR tasks after " + patience);
      }
      // Each count reads the batch's leads: at 50 ms the counting was 7% of the database's time, and over the
      // 100,000 leads of the full fill one count takes longer than 200 ms. Waiting four times as long as it
      // took keeps the load generator's own queries under a fifth of one database thread.
      Thread.sleep(Math.max(200, 4 * (System.nanoTime() - counting) / 1_000_000));
    }
  }

  private int tasksOf(final String batch) {
    return jdbc.queryForObject(
        "select count(*)" + BATCH_TASKS, Integer.class, batch + "-%");
  }

  // --- (d): machine speed-to-lead ---------------------------------------------------------------

  /** (d): its row and its JSON under {@code key} (the job hops count every job in the window: see the JSON by type). */
  private void speedToLeadRow(final double rate, final int seconds, final String where, final String key) throws Exception {
    final double[] speed = speedToLead(rate, seconds, key);
    row("d", "speed-to-lead at %.0f/s%s, %.1f job hops per lead, %.1f SLA jobs/s of older leads beside".formatted(rate, where, speed[3], speed[4]),
        "p50 %.0f / p95 %.0f / p99 %.0f ms".formatted(speed[0], speed[1], speed[2]), "p99 < 250 ms");
    results.put(key + "Ms", Map.of("p50", speed[0], "p95", speed[1], "p99", speed[2], "rate", rate));
  }

  /** Leads at a steady rate for a while; intake accepted (the lead row) → XDR task row, in ms. */
  private double[] speedToLead(final double rate, final int seconds, final String key) throws Exception {
    final String batch = "speed" + (++run);
    final int n = (int) Math.max(1, Math.round(rate * seconds));
    final var scheduler = Executors.newScheduledThreadPool(CLIENTS, BENCH_CLIENTS);
    final long periodNanos = (long) (1e9 / rate);
    final AtomicInteger posted = new AtomicInteger();
    final Map<String, Long> locksBefore = innodbLockCounters();
    final Map<String, Long> cpuBefore = cpuNanosByThread();
    final Map<String, Double> jobsBefore = jobsCompletedByType();
    final long wallBefore = System.nanoTime();
    for (int i = 0; i < n; i++) {
      final int index = i;
      scheduler.schedule(() -> {
        postLead(batch, index);
        posted.incrementAndGet();
      }, i * periodNanos, TimeUnit.NANOSECONDS);
    }
    scheduler.shutdown();
    scheduler.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
    awaitTasks(batch, n, Duration.ofMinutes(10));
    final double[] millis = jdbc.query(
            "select " + WAIT + " / 1000.0" + BATCH_TASKS, (r, i) -> r.getDouble(1), batch + "-%")
        .stream().mapToDouble(Double::doubleValue).sorted().toArray();
    final Map<String, Long> locks = innodbLockCounters();
    locks.replaceAll((counter, after) -> counter.endsWith("_max") ? after : after - locksBefore.get(counter));
    results.put(key + "InnodbLocks", locks);
    final long wall = System.nanoTime() - wallBefore;
    final Map<String, Long> cpu = new TreeMap<>();
    cpuNanosByThread().forEach((thread, after) ->
        cpu.merge(thread.substring(0, thread.indexOf('#')), after - cpuBefore.getOrDefault(thread, 0L), Long::sum));
    cpu.replaceAll((part, nanos) -> Math.round(100.0 * nanos / wall));
    results.put(key + "CpuPercentOfOneCore", cpu);
    results.put(key + "Slowest", slowestTimelines(batch, Math.max(1, n / 100)));
    final Map<String, Double> hops = new TreeMap<>();
    jobsCompletedByType().forEach((type, after) -> hops.put(type, (after - jobsBefore.getOrDefault(type, 0.0)) / n));
    hops.values().removeIf(perLead -> perLead == 0);
    results.put(key + "JobsPerLeadByType", hops);
    // A lead's own path has no SLA job before its task exists: every SLA job in the window is an older lead's clock.
    final double slaJobs = hops.entrySet().stream().filter(type -> type.getKey().contains("sla")).mapToDouble(Map.Entry::getValue).sum();
    final double hopsPerLead = hops.values().stream().mapToDouble(Double::doubleValue).sum() - slaJobs;
    results.put(key + "JobsPerLead", hopsPerLead);
    final double slaJobsPerSecond = slaJobs * n / (wall / 1e9);
    results.put(key + "SlaJobsPerSecondBeside", slaJobsPerSecond);
    return new double[] {percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), hopsPerLead, slaJobsPerSecond};
  }

  /**
   * Jobs the app's workers completed so far, by job type (the Camunda client's own counter): each is one hop of a
   * lead's path through the engine and back. Over (d) every job a lead caused is counted, task listeners included;
   * an SLA job of an older lead that falls due in the window is counted too, under its own type.
   */
  private Map<String, Double> jobsCompletedByType() {
    final Map<String, Double> jobs = new TreeMap<>();
    meters.find("camunda.job.invocations").tag("action", "completed").counters()
        .forEach(counter -> jobs.merge(String.valueOf(counter.getId().getTag("type")), counter.count(), Double::sum));
    return jobs;
  }

  /**
   * CPU time so far of each live thread ("part#id", the part by thread name) and of the database
   * server: which part a lead's path waits on when the machine is busy. The engine processes every
   * command on one thread. A thread that ends between two readings takes its time with it (pools
   * retire idle threads), so a part's share is a lower bound.
   */
  private static Map<String, Long> cpuNanosByThread() {
    final var threads = ManagementFactory.getThreadMXBean();
    final Map<String, Long> cpu = new HashMap<>();
    for (final var thread : threads.getThreadInfo(threads.getAllThreadIds())) {
      final long nanos = thread == null ? -1 : threads.getThreadCpuTime(thread.getThreadId());
      if (nanos > 0) {
        cpu.put(partOf(thread.getThreadName()) + "#" + thread.getThreadId(), nanos);
      }
    }
    ProcessHandle.current().descendants()
        .filter(child -> child.info().command().orElse("").endsWith("mariadbd"))
        .forEach(database -> cpu.put("database server#" + database.pid(), database.info().totalCpuDuration().orElse(Duration.ZERO).toNanos()));
    return cpu;
  }

  private static String partOf(final String thread) {
    if (thread.startsWith("zb-actors")) {
      return "engine";
    }
    if (thread.matches("pool-\\d+-thread-\\d+")) {
      return "job workers";
    }
    if (thread.startsWith("grpc-")) {
      return "grpc";
    }
    if (thread.startsWith("http-nio")) {
      return "http intake";
    }
    if (thread.startsWith("bench-client")) {
      return "benchmark clients";
    }
    return thread.startsWith("outbox") ? "outbox relay" : "other";
  }

  /** Row lock waits, their time (ms) and deadlocks since the server started: who waits on whom under load. */
  private Map<String, Long> innodbLockCounters() {
    final Map<String, Long> counters = new TreeMap<>();
    jdbc.query("show global status where variable_name in ('Innodb_row_lock_waits', 'Innodb_row_lock_time', 'Innodb_row_lock_time_max', 'Innodb_deadlocks')",
        (RowCallbackHandler) row -> counters.put(row.getString(1).toLowerCase(Locale.ROOT), row.getLong(2)));
    return counters;
  }

  /** Where the slowest leads of a batch spent their wait: each step of the path, in ms after intake. */
  private List<String> slowestTimelines(final String batch, final int count) {
    return jdbc.queryForList(
        "select l.id" + BATCH_TASKS + " order by " + WAIT + " desc limit ?", String.class, batch + "-%", count).stream()
        .map(lead -> String.join(" ", jdbc.queryForList(
            """
            select concat(step, ' +', round(timestampdiff(microsecond, l.created_at, at) / 1000)) from (
              select lead_id, concat(lower(type), coalesce(concat(':', stage), '')) step, occurred_at at from journey_event
              union all select lead_id, 'qualified', decided_at from qualification_decision
              union all select lead_id, 'routed', decided_at from routing_decision
              union all select lead_id, concat('task:', element_id), created_at from human_task) s
            join leads l on l.id = s.lead_id where l.id = ? order by at""",
            String.class, lead)))
        .toList();
  }

  // --- (a): the engine's ceiling ------------------------------------------------------------

  /**
   * The same models under ceiling-* ids and job types, workers that only complete their jobs with
   * the variables the path to the XDR task needs, n instances started straight on the engine. The
   * instances stay waiting at the task: they are the open journeys for (c) and (e).
   */
  private double ceiling(final int n) throws Exception {
    return ceiling(n, true);
  }

  /** @param keepOpen false: cancel the journeys afterwards (a warm-up that leaves the engine empty) */
  private double ceiling(final int n, final boolean keepOpen) throws Exception {
    var deployment = client.newDeployResourceCommand().addResourceBytes(ceilingModel(MODELS.get(0)), "ceiling-" + MODELS.get(0) + ".bpmn");
    for (final String model : MODELS.subList(1, MODELS.size())) {
      deployment = deployment.addResourceBytes(ceilingModel(model), "ceiling-" + model + ".bpmn");
    }
    deployment.send().join();
    final Map<String, Object> canned = Map.of(
        "enrichmentDueAt", CANNED_PAST, "intakeOutcome", "known", "qualification", "mql", "assignee", "bench-xdr-0",
        "firstTouchDueAt", CANNED_FUTURE, "slaReminderAt", CANNED_FUTURE, "slaReassignAt", CANNED_FUTURE);
    final AtomicInteger tasks = new AtomicInteger();
    final List<JobWorker> workers = new ArrayList<>();
    for (final String type : ceilingJobTypes()) {
      workers.add(client.newWorker().jobType(type)
          .handler((jobs, job) -> {
            // Task listeners may not set variables (Zeebe 8.8); the path's variables come from the service tasks.
            jobs.newCompleteCommand(job).variables(LISTENER_TYPES.contains(type) ? Map.of() : canned).send().join();
            if (type.equals("ceiling-open-task")) {
              tasks.incrementAndGet();
            }
          })
          .maxJobsActive(32).streamEnabled(true).open());
    }
    final var window = new Semaphore(400);
    final var started = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
    final var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
    final long start = System.nanoTime();
    long lastChunk = start;
    for (int i = 0; i < n; i++) {
      window.acquire();
      client.newCreateInstanceCommand().bpmnProcessId("ceiling-lead-journey").latestVersion()
          .variables(Map.of("leadId", "ceiling-" + run + "-" + i)).send().whenComplete((r, e) -> {
            window.release();
            if (e != null) {
              failure.compareAndSet(null, e);
            } else {
              started.add(r.getProcessInstanceKey());
            }
          });
      if (i == 0) {
        firstTaskOrExplain(tasks, failure);
      }
      // Keep the engine's queue from growing without bound: start no further ahead than the tasks.
      while (i - tasks.get() > 2_000 && failure.get() == null) {
        Thread.sleep(5);
      }
      if (keepOpen && i > 0 && i % 10_000 == 0) { // the slope: does the rate fall as journeys stay open?
        final long now = System.nanoTime();
        System.out.printf("bench (a) %,d open: last 10,000 started at %.1f /s%n", i, 10_000 / ((now - lastChunk) / 1e9));
        lastChunk = now;
      }
      if (failure.get() != null) {
        throw new IllegalStateException("ceiling: an instance could not start", failure.get());
      }
    }
    // At least ten journeys a second, however many: 100,000 take about 45 minutes on two cores.
    final long patience = TimeUnit.SECONDS.toNanos(Math.max(1_800, n / 10));
    while (tasks.get() < n) {
      if (System.nanoTime() - start > patience) {
        throw new IllegalStateException("ceiling: " + tasks.get() + " of " + n + " tasks");
      }
      Thread.sleep(20);
    }
    final double rate = n / ((System.nanoTime() - start) / 1e9);
    if (!keepOpen) { // while the workers still run: the task's canceling listener is a job too
      for (final long instance : started) {
        window.acquire();
        client.newCancelInstanceCommand(instance).send().whenComplete((r, e) -> window.release());
      }
      window.acquire(400);
      window.release(400);
    }
    workers.forEach(JobWorker::close);
    return rate;
  }

  /** The first journey must reach its task soon; if not, say where the ceiling's journeys are instead. */
  private void firstTaskOrExplain(final AtomicInteger tasks, final java.util.concurrent.atomic.AtomicReference<Throwable> failure)
      throws InterruptedException {
    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (tasks.get() == 0) {
      if (System.nanoTime() > deadline) {
        final var where = new LinkedHashMap<String, Object>();
        catalog.versions().stream().filter(v -> v.bpmnProcessId().startsWith("ceiling-"))
            .forEach(v -> where.put(v.bpmnProcessId(), catalog.activeByElement(v.processDefinitionKey())));
        throw new IllegalStateException(
            "ceiling: no task after 30 s; active elements " + where + ", incidents " + incidents.open(), failure.get());
      }
      Thread.sleep(20);
    }
  }

  private static byte[] ceilingModel(final String model) throws Exception {
    String xml = new ClassPathResource("workflows/" + model + ".bpmn").getContentAsString(StandardCharsets.UTF_8);
    for (final String id : MODELS) {
      xml = xml.replace("processId=\"" + id + "\"", "processId=\"ceiling-" + id + "\"")
          .replace("<bpmn:process id=\"" + id + "\"", "<bpmn:process id=\"ceiling-" + id + "\"")
          .replace("bpmnElement=\"" + id + "\"", "bpmnElement=\"ceiling-" + id + "\"");
    }
    final Matcher types = JOB_TYPE.matcher(xml);
    return types.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "ceiling-" + m.group(2) + "\"")).getBytes(StandardCharsets.UTF_8);
  }

  private static final List<String> LISTENER_TYPES = List.of("ceiling-open-task", "ceiling-assign-task", "ceiling-close-task");
  private static final Pattern JOB_TYPE = Pattern.compile("(<zeebe:(?:taskDefinition|taskListener)\\b[^>]*?\\btype=\")([^\"]+)\"");

  private static List<String> ceilingJobTypes() throws Exception {
    final List<String> types = new ArrayList<>();
    for (final String model : MODELS) {
      final Matcher m = JOB_TYPE.matcher(new ClassPathResource("workflows/" + model + ".bpmn").getContentAsString(StandardCharsets.UTF_8));
      while (m.find()) {
        if (!types.contains("ceiling-" + m.group(2))) {
          types.add("ceiling-" + m.group(2));
        }
      }
    }
    return types;
  }

  // --- (g) import, (e) heap, (h) cadence --------------------------------------------------------

  /** Historical leads (no journeys) with emails {@code prefix}N@{@code prefix}-coM.com. */
  private double importRows(final int rows, final String prefix) throws Exception {
    final var csv = new StringBuilder("email,company,country,consent,industry,seniority,budget,companySize,stageReached,createdAt\n");
    for (int i = 0; i < rows; i++) {
      csv.append(prefix).append(i).append('@').append(prefix).append("-co").append(i % 5000).append(".com,Hist Co ").append(i % 5000).append(",US,yes,software,director,approved,")
          .append(50 + i % 5000).append(',').append(i % 10 == 0 ? "customer" : i % 3 == 0 ? "sql" : "lead").append(",2026-0").append(1 + i % 9)
          .append('-').append(String.format("%02d", 1 + i % 28)).append('\n');
    }
    final long start = System.nanoTime();
    final var response = httpClient.send(request("POST", "/api/imports?fileName=bench.csv", "text/csv", csv.toString()), HttpResponse.BodyHandlers.ofString());
    final String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("import: " + response.body()));
    while (true) {
      final var state = new ObjectMapper().readValue(httpClient.send(request("GET", location, null, null), HttpResponse.BodyHandlers.ofString()).body(), Map.class);
      if (!"running".equals(state.get("state"))) {
        if (!"done".equals(state.get("state"))) {
          throw new IllegalStateException("import ended " + state);
        }
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(250);
    }
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * Grows the lead table to {@code leads} by copying the leads there are, each with its history (journey
   * events, qualification decisions, tasks, feedback, engagement) moved back in time, then times every
   * cadence's review for several periods. Copying the leads alone (until stop 22) left the tables a review
   * reads at the size of the runs before, so a review of "1,000,000 leads" read the history of 200,000.
   */
  private double cadenceP95(final int leads) throws Exception {
    jdbc.execute("create table bench_original_lead as select id from leads");
    final int originals = jdbc.queryForObject("select count(*) from bench_original_lead", Integer.class);
    int have = jdbc.queryForObject("select count(*) from leads", Integer.class);
    for (int round = 1; have < leads; round++) {
      final int add = Math.min(originals, leads - have);
      copyLeadsWithHistory(round, add);
      have += add;
    }
    jdbc.execute("drop table bench_original_lead");
    jdbc.execute("analyze table leads, journey_event, qualification_decision, human_task, feedback, engagement");
    final List<Double> millis = new ArrayList<>();
    final Map<String, Double> slowest = new LinkedHashMap<>();
    final List<String> paths = List.of(
        "/api/cadence-reviews/weekly?period=2026-W10", "/api/cadence-reviews/weekly?period=2026-W30", "/api/cadence-reviews/weekly",
        "/api/cadence-reviews/monthly?period=2026-03", "/api/cadence-reviews/monthly?period=2026-07", "/api/cadence-reviews/monthly",
        "/api/cadence-reviews/quarterly?period=2026-Q1", "/api/cadence-reviews/quarterly?period=2026-Q3", "/api/cadence-reviews/quarterly");
    for (int round = 0; round < 6; round++) {
      for (final String path : paths) {
        final long start = System.nanoTime();
        final int status = send("GET", path, null, null);
        if (round > 0) { // the first round warms up
          final double took = (System.nanoTime() - start) / 1e6;
          millis.add(took);
          slowest.merge(path.substring("/api/cadence-reviews/".length()), took, Math::max);
        }
        if (status != 200) {
          throw new IllegalStateException(path + " answered " + status);
        }
      }
    }
    results.put("cadenceSlowestMsByReview", slowest);
    return percentile(millis.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 95);
  }

  /**
   * Round {@code round}'s copy of {@code add} original leads: a copy's key is the original's with its first
   * three characters replaced by "r" and the round, so its history can follow it; every time goes back
   * {@code round * 37 % 300} days, so copies fill the past year's periods.
   */
  private void copyLeadsWithHistory(final int round, final int add) {
    final String prefix = "'r%02d'".formatted(round); // not hex: no original key starts so
    final String days = String.valueOf(round * 37 % 300);
    copyRows("leads", days, column -> switch (column) {
      case "id" -> "concat(" + prefix + ", substr(id, 4))";
      case "email" -> "concat('c" + round + "-', email)";
      case "idempotency_key" -> "null";
      default -> null;
    }, "id in (select id from bench_original_lead) limit " + add);
    for (final String table : List.of("journey_event", "qualification_decision", "human_task", "feedback", "engagement")) {
      copyRows(table, days, column -> switch (column) {
        case "lead_id" -> "concat(" + prefix + ", substr(lead_id, 4))";
        case "user_task_key" -> "user_task_key + " + round + " * 10000000000000000";
        default -> null;
      }, "lead_id in (select id from bench_original_lead) and concat(" + prefix + ", substr(lead_id, 4)) in (select id from leads)");
    }
  }

  /**
   * Copies the table's rows that match {@code where} into it again: every column but an auto-increment key,
   * as {@code mapped} says where it says, times moved back {@code days}, the rest as they are.
   */
  private void copyRows(final String table, final String days, final Function<String, String> mapped, final String where) {
    final List<String> columns = jdbc.queryForList(
        "select column_name from information_schema.columns where table_schema = database() and table_name = ? and extra not like '%auto_increment%'"
            + " order by ordinal_position",
        String.class, table);
    final List<String> times = jdbc.queryForList(
        "select column_name from information_schema.columns where table_schema = database() and table_name = ? and data_type in ('timestamp', 'datetime')",
        String.class, table);
    final String values = columns.stream()
        .map(column -> {
          final String value = mapped.apply(column);
          return value != null ? value : times.contains(column) ? column + " - interval " + days + " day" : column;
        })
        .collect(Collectors.joining(", "));
    jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " from " + table + " where " + where);
  }

  // --- plumbing -------------------------------------------------------------------------------

  private HttpRequest request(final String method, final String path, final String type, final String body) {
    final var builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      builder.header("Content-Type", type);
    }
    return builder.build();
  }

  private int send(final String method, final String path, final String type, final String body) {
    try {
      return httpClient.send(request(method, path, type, body), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (final Exception e) {
      throw new IllegalStateException(method + " " + path, e);
    }
  }

  private static String json(final Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (final Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static double percentile(final double[] sorted, final int p) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private void row(final String scenario, final String what, final String value, final String target) {
    table.add(new String[] {scenario, what, value, target});
    System.out.printf("bench (%s) %s: %s%n", scenario, what, value);
  }

  private void print(final double e2eOverCeiling, final double loadedOverCeiling, final double flatness) throws Exception {
    results.put("e2eOverCeiling", e2eOverCeiling);
    results.put("e2eOverCeilingLoaded", loadedOverCeiling);
    results.put("flatness", flatness);
    final var out = new StringBuilder("\n| scenario | what | measured | target |\n|---|---|---:|---|\n");
    table.stream().sorted((x, y) -> x[0].compareTo(y[0])).forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
    out.append("\ne2e/ceiling: %.2f (target >= 0.7)%ne2e/ceiling (loaded): %.2f%nflatness: %.2f (target >= 0.9)%n"
        .formatted(e2eOverCeiling, loadedOverCeiling, flatness));
    System.out.println(out);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/journey.json"), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
    System.out.println("JSON: " + Path.of("target/bench/journey.json").toAbsolutePath());
  }
}
