package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import com.google.protobuf.GeneratedMessage;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.impl.record.value.job.JobRecord;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.api.scheduling.ScheduledCommandCache.StageableScheduledCommandCache;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Assembles zeebe-process-test's engine around our own state database and log storage (its EngineFactory takes only its
 * in-memory ones). It lives here for five package-private types: CommandWriter, CommandSender, InMemoryJobStreamer,
 * GrpcToLogStreamGateway and GatewayRequestStore (log writer, inter-partition sender, job push, gRPC-to-log gateway, calls
 * awaiting {@link EngineResponseWriter}); ZeebeShimTest fails if an upgrade changes them. The rest is in engine.embedded.
 */
public final class EmbeddedEngineAssembly implements AutoCloseable {

  private static final int PARTITION_ID = 1;
  private static final int PARTITION_COUNT = 1;

  private final InetSocketAddress gatewayAddress;
  private final ServerInterceptor gatewayGuard;
  private final ControlledActorClock clock = new ControlledActorClock();
  private final ActorScheduler scheduler;
  private final LogStream logStream;
  private final LogStreamReader eventReader;
  private long lastReadPosition;
  private final ZeebeDb<ZbColumnFamilies> state;
  private final GrpcToLogStreamGateway gateway;
  private final CommandWriter commandWriter;
  private final GatewayRequestStore requestStore = new GatewayRequestStore();
  private final StreamProcessor streamProcessor;
  private Server grpcServer;
  private boolean processing;

  /**
   * @param gatewayAddress where the gRPC gateway listens (the product binds loopback unless told otherwise)
   * @param gatewayGuard authenticates and authorizes every gRPC call before the gateway sees it
   * @param eventsReadUpTo where {@link #readEvents} starts: -1 for a new log, else the position an
   *     earlier run had read up to (its log blocks were kept and are replayed, not read again)
   * @param scheduledCommands remembers the commands the engine's checkers wrote until they are
   *     processed, so they are not written again meanwhile (the broker wires one; the test engine none)
   */
  public EmbeddedEngineAssembly(
      final InetSocketAddress gatewayAddress,
      final ServerInterceptor gatewayGuard,
      final ZeebeDb<ZbColumnFamilies> state,
      final LogStorage logStorage,
      final MeterRegistry meterRegistry,
      final long eventsReadUpTo,
      final StageableScheduledCommandCache scheduledCommands) {
    this.gatewayAddress = gatewayAddress;
    this.gatewayGuard = gatewayGuard;
    this.state = state;
    this.lastReadPosition = eventsReadUpTo;
    scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();
    logStream =
        LogStream.builder()
            .withPartitionId(PARTITION_ID)
            .withLogStorage(logStorage)
            .withClock(clock)
            .withMeterRegistry(meterRegistry)
            .build();
    commandWriter = new CommandWriter(logStream.newLogStreamWriter());
    eventReader = logStream.newLogStreamReader();
    final var commandSender = new CommandSender(commandWriter);
    final var jobStreamer = new InMemoryJobStreamer(commandWriter);
    gateway =
        new GrpcToLogStreamGateway(
            commandWriter, PARTITION_ID, PARTITION_COUNT, gatewayAddress.getPort(), requestStore, jobStreamer);
    final var responseWriter = new EngineResponseWriter(requestStore);
    final var security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    streamProcessor =
        StreamProcessor.builder()
            .logStream(logStream)
            .zeebeDb(state)
            .commandResponseWriter(responseWriter)
            .partitionCommandSender(commandSender)
            .recordProcessors(
                List.of(
                    new Engine(
                        context ->
                            EngineProcessors.createEngineProcessors(
                                context,
                                PARTITION_COUNT,
                                new SubscriptionCommandSender(
                                    context.getPartitionId(), commandSender),
                                commandSender,
                                FeatureFlags.createDefault(),
                                jobStreamer,
                                SearchClientsProxy.noop(),
                                new BrokerRequestAuthorizationConverter(security)),
                        new EngineConfiguration(),
                        security)))
            .actorSchedulingService(scheduler)
            .clock(new ControllableStreamClockImpl(clock))
            .meterRegistry(meterRegistry)
            .scheduledCommandCache(scheduledCommands)
            .build();
  }

  public void start() {
    streamProcessor.openAsync(false).join();
    processing = true;
    openGateway();
  }

  /** Closes the gateway and the stream processor: the state stops changing, the log is final. */
  public synchronized void stopProcessing() {
    closeGateway();
    if (processing) {
      processing = false;
      streamProcessor.closeAsync().join();
    }
  }

  /** A RocksDB checkpoint of the state in {@code dir}, taken while processing runs or after, as a broker snapshots. */
  public void checkpoint(final java.nio.file.Path dir) {
    state.createSnapshot(dir.toFile());
  }

  /** Starts serving gRPC; Camunda Modeler and the Java client connect here. */
  public synchronized void openGateway() {
    if (grpcServer != null) {
      return;
    }
    try {
      grpcServer = NettyServerBuilder.forAddress(gatewayAddress).addService(ServerInterceptors.intercept(gateway, gatewayGuard)).build().start();
    } catch (final IOException e) {
      throw new UncheckedIOException(
          "Cannot open the engine's gRPC gateway on " + gatewayAddress + " (is another engine or app running? set leadjourney.engine.gateway-port)", e);
    }
  }

  /** Stops serving gRPC while the engine keeps its state: the engine looks unreachable. */
  public synchronized void closeGateway() {
    if (grpcServer == null) {
      return;
    }
    grpcServer.shutdownNow();
    try {
      grpcServer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    grpcServer = null;
  }

  public synchronized boolean isGatewayOpen() {
    return grpcServer != null;
  }

  /**
   * Writes a user-task command (complete, assign, ...) straight to the log: Camunda user tasks
   * have no gRPC commands, only REST ones, which this engine has no gateway for. The future
   * completes when the engine accepted the command, or fails with its rejection.
   */
  public CompletableFuture<Void> writeUserTaskCommand(
      final long userTaskKey, final UserTaskIntent intent, final UserTaskRecord command) {
    final var outcome = new CompletableFuture<Void>();
    // Any request type whose response ignores the record serves; the answer is only ack/reject.
    final long requestId =
        requestStore.registerNewRequest(
            CancelProcessInstanceRequest.class,
            new StreamObserver<GeneratedMessage>() {
              @Override
              public void onNext(final GeneratedMessage ignored) {}

              @Override
              public void onError(final Throwable rejection) {
                outcome.completeExceptionally(rejection);
              }

              @Override
              public void onCompleted() {
                outcome.complete(null);
              }
            });
    final var metadata =
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .requestStreamId(PARTITION_ID)
            .requestId(requestId)
            .valueType(ValueType.USER_TASK)
            .intent(intent);
    commandWriter.writeCommandWithKey(userTaskKey, command, metadata);
    return outcome;
  }

  /** Appends a command giving each job back; after {@link #stopProcessing}, the next start's engine processes them. */
  public void yieldJobs(final long[] jobKeys) {
    for (final long jobKey : jobKeys) {
      final var metadata = new RecordMetadata().recordType(RecordType.COMMAND).valueType(ValueType.JOB).intent(JobIntent.YIELD);
      commandWriter.writeCommandWithKey(jobKey, new JobRecord(), metadata);
    }
  }

  public ControlledActorClock clock() {
    return clock;
  }

  /**
   * Hands every event written since the last call to the visitor, oldest first (its metadata and
   * the raw entry, to be read only for the value types it cares about); returns the position read
   * up to, past which the log must not be compacted before the next call.
   */
  public synchronized long readEvents(final BiConsumer<RecordMetadata, LoggedEvent> visitor) {
    if (lastReadPosition < 0) {
      eventReader.seekToFirstEvent();
    } else {
      eventReader.seekToNextEvent(lastReadPosition);
    }
    final var metadata = new RecordMetadata();
    while (eventReader.hasNext()) {
      final LoggedEvent event = eventReader.next();
      metadata.reset();
      event.readMetadata(metadata);
      if (metadata.getRecordType() == RecordType.EVENT) {
        visitor.accept(metadata, event);
      }
      lastReadPosition = event.getPosition();
    }
    return lastReadPosition;
  }

  /** Every record the log still holds (commands, rejections too), oldest first; for tests and diagnostics. */
  public void forEachRecord(final BiConsumer<RecordMetadata, LoggedEvent> visitor) {
    try (LogStreamReader reader = logStream.newLogStreamReader()) {
      reader.seekToFirstEvent();
      final var metadata = new RecordMetadata();
      while (reader.hasNext()) {
        final LoggedEvent record = reader.next();
        metadata.reset();
        record.readMetadata(metadata);
        visitor.accept(metadata, record);
      }
    }
  }

  /** Position of the last record processing wrote (maybe not in the log storage yet); -1 once it stopped. */
  public synchronized long lastWrittenPosition() {
    return processing ? streamProcessor.getLastWrittenPositionAsync().join() : -1;
  }

  /** Position of the last command the engine has fully processed; older log entries are dead. */
  public long lastProcessedPosition() {
    return streamProcessor.getLastProcessedPositionAsync().join();
  }

  @Override
  public void close() {
    stopProcessing();
    try {
      state.close();
    } catch (final Exception e) {
      throw new IllegalStateException("Cannot close the engine state", e);
    }
    logStream.close();
    scheduler.stop();
  }
}
