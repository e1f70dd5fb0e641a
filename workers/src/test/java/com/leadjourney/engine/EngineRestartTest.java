package com.leadjourney.engine;

import com.leadjourney.engine.embedded.EmbeddedEngine;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedded engine across restarts. A graceful stop and a crash alike keep its state: waiting
 * instances, their jobs and timers, the deployed versions, and keys that stay valid. A start
 * without kept state begins empty, while MySQL still holds the keys the previous run handed out
 * (task rows are found by key, side effects deduplicated by job key): its keys must all be new, or
 * a rebuilt journey's task arrives under an old task's key.
 */
class EngineRestartTest {

  private final Path dir = EmbeddedAppTest.newDataDir("engine-restart-");
  private final int port = EmbeddedAppTest.freePort();

  @Test
  void aGracefulStopKeepsWaitingInstancesTheirHeldJobsAndTimers() throws Exception {
    final long waiting;
    final var first = start(true);
    try (CamundaClient client = client()) {
      deployProbes(client);
      client.newCreateInstanceCommand().bpmnProcessId("incident-probe").latestVersion().send().join();
      waiting = client.newCreateInstanceCommand().bpmnProcessId("job-probe").latestVersion().variables(Map.of("leadId", "L-1")).send().join()
          .getProcessInstanceKey();
      client.newCreateInstanceCommand().bpmnProcessId("timer-probe").latestVersion().send().join();
      // A worker holds the job when the app stops; it would come back only after this timeout.
      assertThat(client.newActivateJobsCommand().jobType("kept-work").maxJobsToActivate(1).timeout(Duration.ofMinutes(10))
          .send().join().getJobs()).hasSize(1);
    } finally {
      first.destroy();
    }
    assertThat(newestMarker()).as("kept state after a graceful stop").exists();
    assertThat(Files.readString(newestMarker())).contains("graceful=true");

    final var second = start(true);
    try (CamundaClient client = client()) {
      assertThat(second.continuesKeptState()).isTrue();
      assertThat(second.isFromEarlierStart(waiting)).as("keys from before a graceful stop stay valid").isFalse();
      assertThat(second.processCatalog().versions()).extracting(ProcessCatalog.Version::bpmnProcessId)
          .containsExactlyInAnyOrder("job-probe", "timer-probe", "incident-probe");
      final long jobProbe = second.processCatalog().versions().stream().filter(v -> v.bpmnProcessId().equals("job-probe")).findFirst()
          .orElseThrow().processDefinitionKey();
      assertThat(second.processCatalog().activeByElement(jobProbe)).as("where instances wait, as before the stop").containsEntry("Work", 1L);
      assertThat(second.openIncidents()).extracting(Incidents.Incident::elementId).containsExactly("Broken");

      final ActivatedJob job = activateOne(client, "kept-work");
      assertThat(job.getProcessInstanceKey()).isEqualTo(waiting);
      assertThat(job.getVariablesAsMap()).containsEntry("leadId", "L-1");
      client.newCompleteCommand(job).send().join();
      assertThat(activateOne(client, "after-timer").getBpmnProcessId()).as("the timer set before the stop fired after it").isEqualTo("timer-probe");
      final long created = client.newCreateInstanceCommand().bpmnProcessId("job-probe").latestVersion().send().join().getProcessInstanceKey();
      assertThat(created).as("new keys continue after the kept ones").isGreaterThan(waiting);
    } finally {
      second.destroy();
    }
  }

  @Test
  void aCrashLosesNothingTheEngineAcknowledged() throws Exception {
    final long checkpointed;
    final long journaled;
    final var first = start(true, Duration.ofSeconds(2));
    try (CamundaClient client = client()) {
      deployProbes(client);
      checkpointed = client.newCreateInstanceCommand().bpmnProcessId("job-probe").latestVersion().variables(Map.of("leadId", "L-1")).send().join()
          .getProcessInstanceKey();
      Thread.sleep(3_000); // a checkpoint holds this one
      first.stopCheckpointsForTests(); // the journal alone holds what follows
      journaled = client.newCreateInstanceCommand().bpmnProcessId("job-probe").latestVersion().variables(Map.of("leadId", "L-2")).send().join()
          .getProcessInstanceKey();
      client.newCreateInstanceCommand().bpmnProcessId("timer-probe").latestVersion().send().join();
      // The killed run's worker held this one; it must not wait out the 10 minutes.
      assertThat(client.newActivateJobsCommand().jobType("kept-work").maxJobsToActivate(2).timeout(Duration.ofMinutes(10))
          .send().join().getJobs()).hasSize(2);
    } finally {
      first.abandon();
    }
    assertThat(Files.readString(newestMarker())).contains("graceful=false");
    try (var lastSegment = Files.list(dir.resolve("engine-kept"))) {
      final Path segment = lastSegment.filter(f -> f.getFileName().toString().startsWith("journal-")).max(Path::compareTo).orElseThrow();
      Files.write(segment, new byte[] {0, 0, 0, 0, 0, 0, 0, 7, 1, 2}, StandardOpenOption.APPEND); // a block torn by the kill
    }

    final var second = start(true);
    try (CamundaClient client = client()) {
      assertThat(second.continuesKeptState()).as("continued, not rebuilt").isTrue();
      assertThat(second.isFromEarlierStart(journaled)).isFalse();
      assertThat(second.notHeld(List.of(checkpointed, journaled, 42L))).as("instances the engine lacks: only the made-up one").containsExactly(42L);
      final List<Long> instances = List.of(activateOne(client, "kept-work").getProcessInstanceKey(), activateOne(client, "kept-work").getProcessInstanceKey());
      assertThat(instances).as("both held jobs given back at once, the checkpointed and the journaled").containsExactlyInAnyOrder(checkpointed, journaled);
      assertThat(activateOne(client, "after-timer").getBpmnProcessId()).as("the timer set before the kill fired after it").isEqualTo("timer-probe");
      final long created = client.newCreateInstanceCommand().bpmnProcessId("job-probe").latestVersion().send().join().getProcessInstanceKey();
      assertThat(created).as("new keys continue after the kept ones").isGreaterThan(journaled);
    } finally {
      second.destroy();
    }
  }

  @Test
  void stateKeptByAnotherEngineVersionIsNotContinued() throws Exception {
    start(true).destroy();
    final Path marker = newestMarker();
    final String kept = Files.readString(marker);
    assertThat(kept).contains("engineVersion=");
    Files.writeString(marker, kept.replaceAll("engineVersion=.*", "engineVersion=8.7.0"));

    final var next = start(true);
    try {
      assertThat(next.continuesKeptState()).as("state of another engine version: rebuilt instead").isFalse();
      assertThat(Files.readString(newestMarker())).as("the state kept now is this version's").doesNotContain("engineVersion=8.7.0");
    } finally {
      next.destroy();
    }
  }

  @Test
  void aStartWithoutKeptStateNeverHandsOutAKeyOfTheEarlierRun() throws Exception {
    final long before = firstInstanceKey();
    final long after = firstInstanceKey(); // same state directory, nothing kept: as after a crash

    assertThat(after).as("first instance key after the restart").isGreaterThan(before);
  }

  /** Starts the engine on the same state dir, deploys a one-step process and starts it; returns the instance's key. */
  private long firstInstanceKey() throws Exception {
    final var engine = start(false);
    try (CamundaClient client = client()) {
      assertThat(engine.continuesKeptState()).isFalse();
      client.newDeployResourceCommand()
          .addProcessModel(Bpmn.createExecutableProcess("keys-probe").startEvent().endEvent().done(), "keys-probe.bpmn")
          .send().join();
      return client.newCreateInstanceCommand().bpmnProcessId("keys-probe").latestVersion().send().join().getProcessInstanceKey();
    } finally {
      engine.destroy();
    }
  }

  /** A job waiting for a worker, a timer three seconds out, an incident. */
  private static void deployProbes(final CamundaClient client) {
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess("job-probe").startEvent().serviceTask("Work", t -> t.zeebeJobType("kept-work")).endEvent().done(), "job-probe.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess("timer-probe").startEvent().intermediateCatchEvent("Wait", e -> e.timerWithDuration("PT3S"))
            .serviceTask("AfterTimer", t -> t.zeebeJobType("after-timer")).endEvent().done(), "timer-probe.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess("incident-probe").startEvent()
            .serviceTask("Broken", t -> t.zeebeJobTypeExpression("missingType")).endEvent().done(), "incident-probe.bpmn")
        .send().join();
  }

  private Path newestMarker() throws IOException {
    try (var kept = Files.list(dir.resolve("engine-kept"))) {
      return kept.filter(f -> f.getFileName().toString().startsWith("checkpoint-")).max(Path::compareTo).orElseThrow().resolve("kept.properties");
    }
  }

  private EmbeddedEngine start(final boolean keepStateOnStop) {
    return start(keepStateOnStop, Duration.ofHours(1));
  }

  private EmbeddedEngine start(final boolean keepStateOnStop, final Duration checkpointInterval) {
    return new EmbeddedEngine(
        new EngineProperties(true, port, "127.0.0.1", dir.resolve("engine"), 64, Duration.ofSeconds(5), Duration.ZERO, keepStateOnStop, checkpointInterval),
        new SimpleMeterRegistry(), EngineTestCredential.access(), EngineTestCredential.nothingReserved());
  }

  private CamundaClient client() {
    return EngineTestCredential.client("http://localhost:" + port).build();
  }

  /** Polls until one job of the type is activated (a timer may still have to fire). */
  private static ActivatedJob activateOne(final CamundaClient client, final String type) throws InterruptedException {
    final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      final List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
          .requestTimeout(Duration.ofSeconds(2)).send().join().getJobs();
      if (!jobs.isEmpty()) {
        return jobs.getFirst();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + type + " job within 30 s");
  }
}
