package com.leadjourney.engine;

import com.leadjourney.engine.embedded.EngineStateDb;


import com.leadjourney.engine.embedded.ScheduledCommandsInFlight;

import com.leadjourney.engine.embedded.CompactingLogStorage;

import com.leadjourney.EmbeddedAppTest;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.engine.EmbeddedEngineAssembly;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/** The engine as the app assembles it, without the app: a fresh state directory, and a client for its gateway. */
final class StandaloneEngine {

  private StandaloneEngine() {}

  /** Not started yet; its state (64 MB of RocksDB memory) lives in a new directory named after {@code dirPrefix}. */
  static EmbeddedEngineAssembly create(final int port, final String dirPrefix) {
    return create(EngineTestCredential.loopback(port), dirPrefix);
  }

  /** The same, its gateway listening on {@code address}. */
  static EmbeddedEngineAssembly create(final java.net.InetSocketAddress address, final String dirPrefix) {
    final var meters = new SimpleMeterRegistry();
    return new EmbeddedEngineAssembly(
        address,
        EngineTestCredential.guard(),
        EngineStateDb.open(EmbeddedAppTest.newDataDir(dirPrefix), 64, meters),
        new CompactingLogStorage(),
        meters,
        -1,
        new ScheduledCommandsInFlight());
  }

  static CamundaClient client(final int port, final Duration requestTimeout) {
    return EngineTestCredential.client("http://localhost:" + port).defaultRequestTimeout(requestTimeout).build();
  }
}
