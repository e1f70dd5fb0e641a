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
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Assembles the engine of zeebe-process-test around a state database and a log storage chosen by
 * the caller. It lives in this package only because the gateway, job streamer and command writer
 * it wires are package-private there; everything product-specific (RocksDB, the compacting log,
 * Spring) stays in {@code com.leadjourney.engine}.
 */
public final class EmbeddedEngineAssembly implements AutoCloseable {

  private static final int PARTITION_ID = 1;
  private static final int PARTITION_COUNT = 1;

  private final int port;
  private final ControlledActorClock clock = new ControlledActorClock();
  private final ActorScheduler scheduler;
  private final LogStream logStream;
  private final ZeebeDb<ZbColumnFamilies> state;
  private final GrpcToLogStreamGateway gateway;
  private final StreamProcessor streamProcessor;
  private Server grpcServer;

  public EmbeddedEngineAssembly(
      final int port,
      final ZeebeDb<ZbColumnFamilies> state,
      final LogStorage logStorage,
      final MeterRegistry meterRegistry) {
    this.port = port;
    this.state = state;
    scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();
    logStream =
        LogStream.builder()
            .withPartitionId(PARTITION_ID)
            .withLogStorage(logStorage)
            .withClock(clock)
            .withMeterRegistry(meterRegistry)
            .build();
    final var commandWriter = new CommandWriter(logStream.newLogStreamWriter());
    final var commandSender = new CommandSender(commandWriter);
    final var requestStore = new GatewayRequestStore();
    final var jobStreamer = new InMemoryJobStreamer(commandWriter);
    gateway =
        new GrpcToLogStreamGateway(
            commandWriter, PARTITION_ID, PARTITION_COUNT, port, requestStore, jobStreamer);
    final var responseWriter = new GrpcResponseWriter(gateway, requestStore, null);
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
            .build();
  }

  public void start() {
    streamProcessor.openAsync(false).join();
    openGateway();
  }

  /** Starts serving gRPC; Camunda Modeler and the Java client connect here. */
  public synchronized void openGateway() {
    if (grpcServer != null) {
      return;
    }
    try {
      grpcServer = ServerBuilder.forPort(port).addService(gateway).build().start();
    } catch (final IOException e) {
      throw new UncheckedIOException(
          "Cannot open the engine's gRPC gateway on port "
              + port
              + " (is another engine or app running? set leadjourney.engine.gateway-port)",
          e);
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

  public ControlledActorClock clock() {
    return clock;
  }

  /** Position of the last command the engine has fully processed; older log entries are dead. */
  public long lastProcessedPosition() {
    return streamProcessor.getLastProcessedPositionAsync().join();
  }

  @Override
  public void close() {
    closeGateway();
    streamProcessor.closeAsync().join();
    try {
      state.close();
    } catch (final Exception e) {
      throw new IllegalStateException("Cannot close the engine state", e);
    }
    logStream.close();
    scheduler.stop();
  }
}
