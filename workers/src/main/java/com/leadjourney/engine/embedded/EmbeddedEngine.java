package com.leadjourney.engine.embedded;

import com.leadjourney.engine.EngineProperties;
import com.leadjourney.engine.GatewayAccess;
import com.leadjourney.engine.Incidents;
import com.leadjourney.engine.ProcessCatalog;
import com.leadjourney.engine.ReservedModelIds;
import io.camunda.zeebe.process.test.engine.EmbeddedEngineAssembly;
import io.camunda.zeebe.protocol.Protocol;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

/**
 * The in-JVM Zeebe engine of embedded mode: RocksDB state (flat throughput with many open
 * journeys, unlike the stock in-memory DB) and an in-memory log that forgets what was processed.
 * Its state is kept on disk as a broker keeps it ({@link KeptEngineState}): a checkpoint every
 * {@code checkpoint-interval} and a journal of every log block since, so the next start continues
 * where this one stopped — open journeys, their tasks and timers — after a graceful stop and after
 * a crash alike, replaying at most one interval of log. Only without kept state (first start,
 * keep-state-on-stop off, state of another engine version) does it start empty; then MySQL is the
 * source of truth and {@code JourneyStartup} rebuilds every open journey from it. Started while the
 * context is built, so it serves before the Camunda client opens job streams or deploys.
 */
@Component
@ConditionalOnProperty(name = "leadjourney.engine.embedded", matchIfMissing = true)
public class EmbeddedEngine implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngine.class);

  private final EmbeddedEngineAssembly assembly;
  private final KeptEngineState keptState;
  private final boolean keepStateOnStop;
  private final boolean continuesKeptState;
  private final EngineCheckpoints checkpoints;
  private final Timer checkpointTimer;
  /** The first key of the state this engine runs on: a start with empty state moves it. */
  private final long firstKeyOfState;
  private final CompactingLogStorage log;
  private final LogViews views;
  private final EngineClock clock;
  private final ScheduledExecutorService compaction =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("engine-log-compaction").daemon().unstarted(r));

  /** The engine's own meters (zeebe_*) stay inside: they break Prometheus naming rules (camelCase labels,
   * "_count" gauges) and describe a test engine's internals, not the journey. A broker exports its own. */
  private final MeterRegistry engineInternals = new SimpleMeterRegistry();

  public EmbeddedEngine(
      final EngineProperties properties, final MeterRegistry meterRegistry, final GatewayAccess gatewayAccess, final ReservedModelIds reservedModels) {
    final var stateDir = properties.stateDir().toAbsolutePath();
    keptState = new KeptEngineState(stateDir);
    keepStateOnStop = properties.keepStateOnStop();
    checkpoints = new EngineCheckpoints(keptState);
    final Optional<KeptEngineState.Kept> kept = keptState.open(keepStateOnStop);
    continuesKeptState = kept.isPresent();
    firstKeyOfState =
        kept.map(KeptEngineState.Kept::firstKeyOfState)
            .orElse(Protocol.encodePartitionId(Protocol.START_PARTITION_ID, System.currentTimeMillis() * EngineStateDb.KEYS_PER_MILLISECOND));
    log = kept.map(KeptEngineState.Kept::log).orElseGet(CompactingLogStorage::new);
    views = kept.map(KeptEngineState.Kept::views).orElseGet(LogViews::new);
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
    clock = new EngineClock(assembly.clock(), kept.map(KeptEngineState.Kept::clockOffset).orElse(properties.clockStartsBack().negated()),
        offset -> {
          if (keepStateOnStop) {
            keptState.recordClock(offset);
          }
        });
    if (keepStateOnStop) {
      checkpoints.journalFromStart(log);
    }
    assembly.start();
    kept.filter(k -> !k.graceful()).ifPresent(this::yieldJobsOfTheKilledRun);
    final long every = properties.logCompactionInterval().toMillis();
    compaction.scheduleWithFixedDelay(this::compactLog, every, every, TimeUnit.MILLISECONDS);
    checkpointTimer = Timer.builder("leadjourney.engine.checkpoint").description("Time to checkpoint the embedded engine's state").register(meterRegistry);
    if (keepStateOnStop) {
      checkpointQuietly();
      final long interval = properties.checkpointInterval().toMillis();
      compaction.scheduleWithFixedDelay(this::checkpointQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }
    Gauge.builder("leadjourney.engine.log.retained", log, CompactingLogStorage::retainedBytes).baseUnit("bytes")
        .description("Bytes of engine log not yet processed (embedded engine)").register(meterRegistry);
    LOG.info("Embedded Zeebe engine up: gRPC gateway on {}:{} (every call authenticated), state in {} ({})",
        properties.gatewayAddress(), properties.gatewayPort(), stateDir,
        kept.map(KeptEngineState.Kept::describe).orElse("new; open journeys are rebuilt from the database"));
  }

  /**
   * The killed run's workers held jobs; nobody will complete them. Yielded back so this run's workers
   * get them now, not after their timeout (a held task listener would leave its task unworkable).
   * Jobs activated by a command still unprocessed at the kill come back after their timeout.
   */
  private synchronized void yieldJobsOfTheKilledRun(final KeptEngineState.Kept kept) {
    assembly.readEvents(views::apply);
    final long[] held = views.activatedJobs.keysActivatedUpTo(kept.logEnd());
    assembly.yieldJobs(held);
    LOG.info("{} jobs the killed run's workers held are given back", held.length);
  }

  /** The paths instances took, up to the engine's last write (tests: switch on with {@code record()}). */
  public synchronized ModelPaths paths() {
    assembly.readEvents(views::apply);
    return views.paths;
  }

  /** True when this engine continues the kept state (graceful stop or crash): nothing to rebuild. */
  public boolean continuesKeptState() {
    return continuesKeptState;
  }

  /**
   * True for a key handed out before this engine's state began (a start without kept state): the
   * task, job or instance it names is gone (its journey is rebuilt under new keys). Keys of a
   * continued state stay valid.
   */
  public boolean isFromEarlierStart(final long key) {
    return key <= firstKeyOfState;
  }

  /** Those of the process instances the engine does not hold (read from its log up to now). */
  public List<Long> notHeld(final List<Long> processInstanceKeys) {
    compactLog();
    return processInstanceKeys.stream().filter(key -> !views.processes.isActive(key)).toList();
  }

  synchronized void compactLog() {
    try {
      final long processed = assembly.lastProcessedPosition();
      final long read = assembly.readEvents(views::apply);
      log.compactUpTo(Math.min(processed, read));
    } catch (final RuntimeException e) {
      LOG.debug("Log compaction skipped", e);
    }
  }

  /**
   * A graceful stop's checkpoint: processing stops first, so nothing is left to replay but the
   * commands not processed yet, among them one yielding back each job the stopped workers held.
   */
  private void keepState() throws IOException {
    synchronized (this) {
      compactLog();
      assembly.stopProcessing();
      assembly.readEvents(views::apply);
      assembly.yieldJobs(views.activatedJobs.keys());
    }
    final long started = System.nanoTime();
    checkpoint(true);
    LOG.info("Engine state kept for the next start in {} ms ({} log blocks)", (System.nanoTime() - started) / 1_000_000, log.blockCount());
  }

  private void checkpointQuietly() {
    try {
      checkpoint(false);
    } catch (final IOException | RuntimeException e) {
      LOG.warn("Engine checkpoint failed; the last one and the journal after it still hold the state", e);
    }
  }

  /**
   * Takes a checkpoint while the engine runs, as a broker snapshots its partition: the journal
   * switches to a new segment and the views are captured at the same instant, then RocksDB's
   * checkpoint (consistent with the position it has processed up to) is written beside them. The
   * blocks retained plus the new segment cover everything after that position.
   */
  private void checkpoint(final boolean graceful) throws IOException {
    final long started = System.nanoTime();
    checkpoints.take(sequence -> capture(sequence, graceful), this::writeState);
    checkpointTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  /**
   * RocksDB's checkpoint, complete only once the log holds every record the state already counts: the
   * engine commits a command's state before its records reach the log storage (a broker's snapshot
   * likewise waits for the log to be committed up to the last written position).
   */
  private void writeState(final java.nio.file.Path dir) {
    assembly.checkpoint(dir);
    log.awaitPosition(assembly.lastWrittenPosition(), Duration.ofSeconds(10));
  }

  private synchronized KeptEngineState.Checkpoint capture(final long sequence, final boolean graceful) {
    final long readUpTo = assembly.readEvents(views::apply);
    final var retained = log.journalTo(checkpoints.journal(), sequence);
    try {
      return new KeptEngineState.Checkpoint(sequence, retained, views.bytes(), firstKeyOfState, clock.offset(), readUpTo, graceful);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot capture the engine's views", e);
    }
  }

  /** Engine time: wall-clock time plus whatever {@link #advanceClock} added. */
  public Instant now() {
    return clock.now();
  }

  /** Moves the engine clock forward, so due timers fire now instead of later. */
  public void advanceClock(final Duration duration) {
    clock.advance(duration);
  }

  /** Moves the clock forward to wall-clock time if it started in the past; true if it had to. */
  public boolean catchUpWithWallClock() {
    return clock.catchUpWithWallClock();
  }

  /** How far engine time is ahead of (positive) or behind (negative) wall-clock time. */
  public Duration offset() {
    return clock.offset();
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
    return views.incidents.open();
  }

  /** Deployed versions and live positions, read from the engine's log up to the moment of each question. */
  public ProcessCatalog processCatalog() {
    return views.processes.refreshedBy(this::compactLog);
  }

  @Override
  public void destroy() {
    compaction.shutdownNow();
    if (keepStateOnStop) {
      try {
        keepState();
      } catch (final IOException | RuntimeException e) {
        LOG.warn("Cannot take the stop's checkpoint; the next start continues from the last one and the journal", e);
      }
    }
    checkpoints.stop(log);
    assembly.close();
  }

  /** No checkpoint from now on, as if the next were far away. For crash tests. */
  public void stopCheckpointsForTests() throws InterruptedException {
    compaction.shutdownNow();
    compaction.awaitTermination(30, TimeUnit.SECONDS);
  }

  /** Stops as a killed process would: no last checkpoint, the journal cut where it is. For crash tests. */
  public void abandon() {
    compaction.shutdownNow();
    checkpoints.stop(log);
    assembly.close();
  }
}
