package com.leadjourney.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The embedded engine starts with empty state, but MySQL still holds the keys the previous start
 * handed out (task rows are found by key, side effects deduplicated by job key): a restarted
 * engine's keys must all be new, or a rebuilt journey's task arrives under an old task's key.
 */
class EngineKeysAfterRestartTest {

  private final Path dir = EmbeddedAppTest.newDataDir("engine-keys-");
  private final int port = EmbeddedAppTest.freePort();

  @Test
  void aRestartedEngineNeverHandsOutAKeyOfTheEarlierStart() throws Exception {
    final long before = firstInstanceKey();
    final long after = firstInstanceKey(); // same state directory: a restart

    assertThat(after).as("first instance key after the restart").isGreaterThan(before);
  }

  /** Starts the engine on the same state dir, deploys a one-step process and starts it; returns the instance's key. */
  private long firstInstanceKey() throws Exception {
    final var engine = new EmbeddedEngine(
        new EngineProperties(true, port, dir.resolve("engine"), 64, Duration.ofSeconds(5), Duration.ZERO), new SimpleMeterRegistry());
    try (CamundaClient client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://localhost:" + port)).preferRestOverGrpc(false).build()) {
      client.newDeployResourceCommand()
          .addProcessModel(Bpmn.createExecutableProcess("keys-probe").startEvent().endEvent().done(), "keys-probe.bpmn")
          .send().join();
      return client.newCreateInstanceCommand().bpmnProcessId("keys-probe").latestVersion().send().join().getProcessInstanceKey();
    } finally {
      engine.destroy();
    }
  }
}
