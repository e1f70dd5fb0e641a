package com.leadjourney.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.engine.EmbeddedEngineAssembly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several engines run in one JVM whenever test classes keep their Spring apps alive, and in the
 * scale-out set-up. Each must answer its own clients with its own records: the stock response
 * writer kept the record it answers with in static fields, so one engine answered with another's
 * record or not at all (CI: a creation unanswered for 60 s).
 */
class EnginesSharingAJvmTest {

  private static final int CREATIONS = 1_500;
  private static final int IN_FLIGHT = 50;

  private final List<EmbeddedEngineAssembly> engines = new ArrayList<>();

  @AfterEach
  void stop() {
    engines.forEach(EmbeddedEngineAssembly::close);
  }

  @Test
  void eachEngineAnswersEveryCreationWithItsOwnInstance() {
    final CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> createOn(startEngine(), "first-engine-journey"));
    final CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> createOn(startEngine(), "second-engine-journey"));

    assertThat(first.join()).hasSize(CREATIONS).containsOnly("first-engine-journey");
    assertThat(second.join()).hasSize(CREATIONS).containsOnly("second-engine-journey");
  }

  private synchronized int startEngine() {
    final int port = EmbeddedAppTest.freePort();
    final var engine = StandaloneEngine.create(port, "shared-jvm-");
    engines.add(engine);
    engine.start();
    return port;
  }

  /** The process id each creation's answer names. */
  private static List<String> createOn(final int port, final String processId) {
    try (CamundaClient client = StandaloneEngine.client(port, Duration.ofSeconds(30))) {
      client.newDeployResourceCommand()
          .addProcessModel(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done(), processId + ".bpmn")
          .send().join();
      final List<String> answeredFor = new ArrayList<>();
      for (int started = 0; started < CREATIONS; started += IN_FLIGHT) {
        final var created = new ArrayList<CamundaFuture<ProcessInstanceEvent>>();
        for (int i = 0; i < IN_FLIGHT; i++) {
          created.add(client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send());
        }
        created.forEach(creation -> answeredFor.add(creation.join().getBpmnProcessId()));
      }
      return answeredFor;
    }
  }
}
