package com.leadjourney.engine.embedded;

import com.leadjourney.engine.Incidents;
import com.leadjourney.engine.ProcessCatalog;
import com.leadjourney.engine.EngineProperties;


import com.leadjourney.engine.ReservedModelIds;

import com.leadjourney.engine.GatewayAccess;


import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import io.camunda.zeebe.process.test.engine.EmbeddedEngineAssembly;
import io.camunda.zeebe.protocol.Protocol;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The in-JVM Zeebe engine of embedded mode: RocksDB state (flat throughput with many open
 * journeys, unlike the stock in-memory DB) and an in-memory log that forgets what was processed.
 * A graceful stop keeps the state ({@link KeptEngineState}) and the next start continues from it,
 * open journeys and their tasks included. After a crash it starts empty: MySQL is the source of
 * truth and {@code JourneyStartup} rebuilds every open journey from it. Started while the context
 * is built, so it serves before the Camunda client opens job streams or deploys.
 */
@Component
@ConditionalOnProperty(name = "leadjourney.engine.embedded", matchIfMissing = true)
public class EmbeddedEngine implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngine.class);

  private final EmbeddedEngineAssembly assembly;
  private final KeptEngineState keptState;
  private final boolean keepStateOnStop;
  private final boolean continuesKeptState;
  /** The first key of the state this engine runs on: a start with empty state moves it. */
  private final long firstKeyOfState;
  private final CompactingLogStorage log;
  private final EmbeddedIncidents incidents;
  private final EmbeddedProcessCatalog processes;
  private final ActivatedJobs activatedJobs = new ActivatedJobs();
  private final ModelPaths paths = new ModelPaths();
  // What advanceClock added; the actor clock keeps its own but does not expose it, and its
  // current time is only refreshed while actors run.
  private volatile Duration offset = Duration.ZERO;
  private final ScheduledExecutorService compaction =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("engine-log-compaction").daemon().unstarted(r));

  /**
   * The engine's own meters (zeebe_*: stream processor, RocksDB, backpressure) stay inside: they break
   * Prometheus naming rules (camelCase labels, "_count" gauges) and describe a test engine's
   * internals, not the journey. On a cluster the broker exports its own.
   */
  private final MeterRegistry engineInternals = new SimpleMeterRegistry();

  public EmbeddedEngine(
      final EngineProperties properties, final MeterRegistry meterRegistry, final GatewayAccess gatewayAccess, final ReservedModelIds reservedModels) {
    final var stateDir = properties.stateDir().toAbsolutePath();
    keptState = new KeptEngineState(stateDir);
    keepStateOnStop = properties.keepStateOnStop();
    final Optional<KeptEngineState.Kept> kept = takeKeptState();
    continuesKeptState = kept.isPresent();
    if (!continuesKeptState) {
      resetDirectory(stateDir);
    }
    firstKeyOfState =
        kept.map(KeptEngineState.Kept::firstKeyOfState)
            .orElse(Protocol.encodePartitionId(Protocol.START_PARTITION_ID, System.currentTimeMillis() * EngineStateDb.KEYS_PER_MILLISECOND));
    log = kept.map(KeptEngineState.Kept::log).orElseGet(CompactingLogStorage::new);
    processes = kept.map(KeptEngineState.Kept::processes).orElseGet(EmbeddedProcessCatalog::new);
    incidents = kept.map(KeptEngineState.Kept::incidents).orElseGet(EmbeddedIncidents::new);
    assembly =
        new EmbeddedEngineAssembly(
            new InetSocketAddress(properties.gatewayAddress(), properties.gatewayPort()),
            new GatewayGuard(gatewayAccess, reservedModels),
            EngineStateDb.keysFrom(firstKeyOfState, EngineStateDb.open(stateDir, properties.stateMemoryLimitMb(), engineInternals)),
            log,
            engineInternals,
            kept.map(KeptEngineState.Kept::eventsReadUpTo).orElse(-1L),
            new ScheduledCommandsInFlight());
    // Kept state continues on the clock it ran on; timers keep their due times in engine time.
    final Duration startOffset = kept.map(KeptEngineState.Kept::clockOffset).orElse(properties.clockStartsBack().negated());
    if (!startOffset.isZero()) {
      // Before any actor runs: a running engine's timers only cope with time moving forward.
      assembly.clock().addTime(startOffset);
      offset = startOffset;
    }
    assembly.start();
    final long every = properties.logCompactionInterval().toMillis();
    compaction.scheduleWithFixedDelay(this::compactLog, every, every, TimeUnit.MILLISECONDS);
    Gauge.builder("leadjourney.engine.log.retained", log, CompactingLogStorage::retainedBytes).baseUnit("bytes")
        .description("Bytes of engine log not yet processed (embedded engine)").register(meterRegistry);
    LOG.info("Embedded Zeebe engine up: gRPC gateway on {}:{} (every call authenticated), state in {} ({})",
        properties.gatewayAddress(), properties.gatewayPort(), stateDir,
        continuesKeptState ? "continued from the last graceful stop" : "new; open journeys are rebuilt from the database");
  }

  private Optional<KeptEngineState.Kept> takeKeptState() {
    try {
      return keptState.take();
    } catch (final IOException | RuntimeException e) {
      LOG.warn("Cannot continue from the engine state kept at the last stop; starting empty, open journeys are rebuilt", e);
      return Optional.empty();
    }
  }

  /** The paths instances took, up to the engine's last write (tests: switch on with {@code record()}). */
  public synchronized ModelPaths paths() {
    assembly.readEvents(this::keepTrackOf);
    return paths;
  }

  /** True when this engine continues the state of the last graceful stop: nothing to rebuild. */
  public boolean continuesKeptState() {
    return continuesKeptState;
  }

  /**
   * True for a key handed out before this engine's state began (a start after a crash): the task,
   * job or instance it names is gone (its journey is rebuilt under new keys). Keys from before a
   * graceful stop stay valid.
   */
  public boolean isFromEarlierStart(final long key) {
    return key <= firstKeyOfState;
  }

  private static void resetDirectory(final java.nio.file.Path dir) {
    try {
      FileSystemUtils.deleteRecursively(dir);
      Files.createDirectories(dir);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot prepare the engine state directory " + dir, e);
    }
  }

  synchronized void compactLog() {
    try {
      final long processed = assembly.lastProcessedPosition();
      final long read = assembly.readEvents(this::keepTrackOf);
      log.compactUpTo(Math.min(processed, read));
    } catch (final RuntimeException e) {
      LOG.debug("Log compaction skipped", e);
    }
  }

  /**
   * Keeps the state for the next start: processing stops first, so the checkpoint, the log blocks
   * left and the views read from them agree. Work in flight is not lost: commands not processed
   * yet are in the kept log and are processed after the restart, among them one yielding back each
   * job the stopped workers held.
   */
  private synchronized void keepState() throws IOException {
    compactLog();
    assembly.stopProcessing();
    final long readUpTo = assembly.readEvents(this::keepTrackOf);
    assembly.yieldJobs(activatedJobs.keys());
    final long started = System.nanoTime();
    assembly.checkpoint(keptState.prepare());
    keptState.complete(new KeptEngineState.Kept(log, processes, incidents, firstKeyOfState, offset, readUpTo));
    LOG.info("Engine state kept for the next start in {} ms ({} log blocks)", (System.nanoTime() - started) / 1_000_000, log.blockCount());
  }

  /** What the app keeps from the log, since the embedded engine has no search API to ask later. */
  private void keepTrackOf(final RecordMetadata metadata, final LoggedEvent event) {
    switch (metadata.getValueType()) {
      case INCIDENT -> incidents.apply(metadata, event);
      case PROCESS_INSTANCE -> {
        processes.elementInstance(metadata, event);
        paths.apply(metadata, event);
      }
      case JOB, JOB_BATCH -> activatedJobs.apply(metadata, event);
      case PROCESS -> {
        if (metadata.getIntent() == ProcessIntent.CREATED) {
          processes.deployed(event);
        }
      }
      default -> {}
    }
  }

  /** Engine time: wall-clock time plus whatever {@link #advanceClock} added. */
  public Instant now() {
    return Instant.now().plus(offset);
  }

  /** Moves the engine clock forward, so due timers fire now instead of later. */
  public synchronized void advanceClock(final Duration duration) {
    assembly.clock().addTime(duration);
    offset = offset.plus(duration);
  }

  /** Moves the clock forward to wall-clock time if it started in the past; true if it had to. */
  public synchronized boolean catchUpWithWallClock() {
    if (!offset.isNegative()) {
      return false;
    }
    advanceClock(offset.negated());
    return true;
  }

  /** How far engine time is ahead of (positive) or behind (negative) wall-clock time. */
  public Duration offset() {
    return offset;
  }

  /** See {@link EmbeddedEngineAssembly#writeUserTaskCommand}. */
  public CompletableFuture<Void> writeUserTaskCommand(
      final long userTaskKey, final UserTaskIntent intent, final UserTaskRecord command) {
    return assembly.writeUserTaskCommand(userTaskKey, intent, command);
  }

  /** Makes the engine unreachable (gateway closed) while it keeps its state. */
  public void closeGateway() {
    assembly.closeGateway();
  }

  public void openGateway() {
    assembly.openGateway();
  }

  public boolean isGatewayOpen() {
    return assembly.isGatewayOpen();
  }

  /** Open incidents, as read from the engine's log (refreshed with each compaction). */
  public List<Incidents.Incident> openIncidents() {
    compactLog();
    return incidents.open();
  }

  /** Deployed versions and live positions, read from the engine's log up to the moment of each question. */
  public ProcessCatalog processCatalog() {
    return new ProcessCatalog() {
      @Override
      public List<Version> versions() {
        compactLog();
        return processes.versions();
      }

      @Override
      public Optional<String> bpmnXml(final long processDefinitionKey) {
        compactLog();
        return processes.bpmnXml(processDefinitionKey);
      }

      @Override
      public Map<String, Long> activeByElement(final long processDefinitionKey) {
        compactLog();
        return processes.activeByElement(processDefinitionKey);
      }
    };
  }

  public CompactingLogStorage log() {
    return log;
  }

  @Override
  public void destroy() {
    compaction.shutdownNow();
    if (keepStateOnStop) {
      try {
        keepState();
      } catch (final IOException | RuntimeException e) {
        LOG.warn("Cannot keep the engine state; the next start rebuilds open journeys from the database", e);
        keptState.discard();
      }
    }
    assembly.close();
  }
}
