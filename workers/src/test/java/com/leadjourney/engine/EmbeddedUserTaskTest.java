package com.leadjourney.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda user tasks on the embedded engine through the client's own user-task commands: the
 * app learns of the task from its {@code creating} listener job and completes it with
 * {@code newCompleteUserTaskCommand}, exactly as against a cluster.
 */
class EmbeddedUserTaskTest extends EmbeddedAppTest {

  private static final String PROCESS = "user-task-probe";

  @Autowired CamundaClient client;

  @Test
  void aCamundaUserTaskIsCreatedThroughItsListenerAndCompletedWithTheClientsCommand() throws Exception {
    final var model =
        Bpmn.createExecutableProcess(PROCESS)
            .startEvent()
            .userTask("WorkLead", task -> task.zeebeUserTask().zeebeCandidateGroups("xdr").zeebeTaskListener(l -> l.creating().type("probe-task-creating")))
            .serviceTask("AfterWork", service -> service.zeebeJobType("probe-after-work"))
            .endEvent()
            .done();
    client.newDeployResourceCommand().addProcessModel(model, PROCESS + ".bpmn").send().join();
    final BlockingQueue<ActivatedJob> listenerJobs = new LinkedBlockingQueue<>();
    final BlockingQueue<ActivatedJob> afterJobs = new LinkedBlockingQueue<>();
    try (var listener = client.newWorker().jobType("probe-task-creating").handler((c, job) -> {
          listenerJobs.add(job);
          c.newCompleteCommand(job).send().join();
        }).open();
        var after = client.newWorker().jobType("probe-after-work").handler((c, job) -> {
          afterJobs.add(job);
          c.newCompleteCommand(job).send().join();
        }).open()) {

      client.newCreateInstanceCommand().bpmnProcessId(PROCESS).latestVersion().send().join();

      final ActivatedJob created = listenerJobs.poll(30, TimeUnit.SECONDS);
      assertThat(created).as("the creating listener's job").isNotNull();
      final long userTaskKey = Long.parseLong(created.getCustomHeaders().get("io.camunda.zeebe:userTaskKey"));
      assertThat(created.getCustomHeaders().get("io.camunda.zeebe:candidateGroups")).contains("xdr");

      // The task is CREATED once the listener job is done; completing may race it, so retry.
      await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(ProblemException.class).until(() -> {
        client.newAssignUserTaskCommand(userTaskKey).assignee("xdr-ada").send().join();
        return true;
      });
      client.newCompleteUserTaskCommand(userTaskKey).variables(Map.of("outcome", "meeting-booked")).send().join();

      final ActivatedJob next = afterJobs.poll(30, TimeUnit.SECONDS);
      assertThat(next).as("the journey moved past the user task").isNotNull();
      assertThat(next.getVariablesAsMap()).containsEntry("outcome", "meeting-booked");

      assertThatThrownBy(() -> client.newCompleteUserTaskCommand(userTaskKey).send().join())
          .as("a task cannot be completed twice")
          .isInstanceOf(ProblemException.class)
          .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
    }
  }
}
