package com.leadjourney.engine;

import com.leadjourney.engine.embedded.EngineStateDb;


import com.leadjourney.engine.embedded.ScheduledCommandsInFlight;

import com.leadjourney.engine.embedded.CompactingLogStorage;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.engine.EmbeddedEngineAssembly;
import io.camunda.zeebe.process.test.engine.StockLogStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs N lead journeys (lead-journey.bpmn from workflows/: two jobs, a due timer, a message)
 * through the embedded engine exactly as the app assembles it, and prints heap after GC every
 * 50,000 journeys ({@code -DreportEvery=N}). {@code -Dlog=stock} swaps in the test engine's
 * keep-everything log to compare.
 *
 * <p>./mvnw -q -pl workers -am -Pbenchmark verify -Djourneys=200000 [-Dlog=stock] [-DreportEvery=10000]
 */
public final class EngineMemoryBenchmark {

  private static final int IN_FLIGHT = 400;
  private static final int REPORT_EVERY = 50_000;

  public static void main(final String[] args) throws Exception {
    final int journeys = Integer.parseInt(System.getProperty("journeys", "200000"));
    final boolean stockLog = "stock".equals(System.getProperty("log", "compacting"));
    final int reportEvery = Math.min(Integer.getInteger("reportEvery", REPORT_EVERY), journeys);
    final Path stateDir = Files.createTempDirectory("engine-benchmark-");
    final int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    final var meters = new SimpleMeterRegistry();
    final var compacting = new CompactingLogStorage();
    final LogStorage log = stockLog ? StockLogStorage.create() : compacting;
    final var engine =
        new EmbeddedEngineAssembly(EngineTestCredential.loopback(port), EngineTestCredential.guard(), EngineStateDb.open(stateDir, Long.parseLong(EngineProperties.STATE_MEMORY_LIMIT_MB), meters), log, meters, -1, new ScheduledCommandsInFlight());
    engine.start();

    try (CamundaClient client =
        EngineTestCredential.client("http://localhost:" + port).build()) {
      client.newDeployResourceCommand().addResourceFromClasspath("workflows/lead-journey.bpmn").send().join();
      final var window = new Semaphore(IN_FLIGHT);
      final var finished = new AtomicLong();
      try (var worker =
          client.newWorker()
              .jobType("enter-stage")
              .handler(
                  (jobClient, job) -> {
                    jobClient.newCompleteCommand(job).send().join();
                    if ("EnterPreQualification".equals(job.getElementId())) {
                      client.newPublishMessageCommand()
                          .messageName("qualification-decided")
                          .correlationKey((String) job.getVariablesAsMap().get("leadId"))
                          .send()
                          .whenComplete(
                              (ok, error) -> {
                                finished.incrementAndGet();
                                window.release();
                              });
                    }
                  })
              .maxJobsActive(256)
              .streamEnabled(true)
              .open()) {
        System.out.printf(
            "journeys=%d log=%s%n%10s %10s %12s %18s %12s%n",
            journeys, stockLog ? "stock" : "compacting", "journeys", "seconds", "journeys/s", "heap after GC MB", "log blocks");
        final long start = System.nanoTime();
        report(0, start, compacting, stockLog);
        for (int i = 1; i <= journeys; i++) {
          window.acquire();
          client.newCreateInstanceCommand()
              .bpmnProcessId("lead-journey")
              .latestVersion()
              .variables(Map.of("leadId", "lead-" + i, "enrichmentDueAt", Instant.EPOCH.toString()))
              .send()
              .exceptionally(
                  e -> {
                    finished.incrementAndGet();
                    window.release();
                    return null;
                  });
          if (i % reportEvery == 0) {
            while (finished.get() < i) {
              Thread.sleep(20);
            }
            if (!stockLog) {
              compacting.compactUpTo(engine.lastProcessedPosition());
            }
            report(i, start, compacting, stockLog);
          }
        }
      }
    } finally {
      engine.close();
    }
  }

  private static void report(final int done, final long start, final CompactingLogStorage log, final boolean stock) {
    System.gc();
    final long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    final double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%10d %10.1f %12.0f %18d %12s%n",
        done, seconds, done / Math.max(seconds, 1e-9), heap >> 20, stock ? "-" : String.valueOf(log.blockCount()));
  }
}
