package com.leadjourney.handoff;

import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.JourneyEventRepository;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * The XDR's inbox in both modes: tasks arrive from the user task's creating listener and leave by
 * the Camunda client's own user-task commands (REST on a cluster, the app's embedded endpoint
 * otherwise).
 */
@Service
class XdrInbox {

  private final XdrTaskRepository tasks;
  private final JourneyEventRepository events;
  private final CamundaClient client;
  private final TransactionTemplate transaction;
  private final Clock clock;

  XdrInbox(
      final XdrTaskRepository tasks,
      final JourneyEventRepository events,
      final CamundaClient client,
      final TransactionTemplate transaction,
      final Clock clock) {
    this.tasks = tasks;
    this.events = events;
    this.client = client;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Idempotent: the task key is the row's key. */
  void opened(final XdrTask task) {
    transaction.executeWithoutResult(
        tx -> {
          if (tasks.existsById(task.getUserTaskKey())) {
            return;
          }
          tasks.save(task);
          events.save(
              new JourneyEvent(
                  task.getLeadId(), JourneyEvent.Type.TASK_OPENED, HandoffVariables.PROCESS_ID, task.getElementId(),
                  "assigned to " + task.getAssignee() + ", first touch due " + task.getDueAt(), task.getCreatedAt(),
                  "task-opened:" + task.getUserTaskKey()));
        });
  }

  /** The task was interrupted (e.g. reassignment): it leaves the inbox. */
  void canceled(final long userTaskKey) {
    transaction.executeWithoutResult(
        tx ->
            tasks.findById(userTaskKey)
                .filter(t -> t.getState() == XdrTask.State.OPEN)
                .ifPresent(
                    t -> {
                      t.canceled(clock.instant());
                      events.save(
                          new JourneyEvent(
                              t.getLeadId(), JourneyEvent.Type.TASK_CANCELED, HandoffVariables.PROCESS_ID, t.getElementId(),
                              "taken from " + t.getAssignee(), clock.instant(), "task-canceled:" + userTaskKey));
                    }));
  }

  List<XdrTask> open(final String assignee) {
    return assignee == null
        ? tasks.findByStateOrderByDueAtAsc(XdrTask.State.OPEN)
        : tasks.findByStateAndAssigneeOrderByDueAtAsc(XdrTask.State.OPEN, assignee);
  }

  /** Completes the task in the engine, then in the inbox; a retry after a lost reply is safe. */
  XdrTask complete(final long userTaskKey, final String outcomeCode, final String reason, final String objections) {
    final var task =
        tasks.findById(userTaskKey)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No task " + userTaskKey + " in the inbox"));
    if (task.getState() != XdrTask.State.OPEN) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Task " + userTaskKey + " is already " + task.getState().name().toLowerCase());
    }
    final Outcome outcome =
        Outcome.of(outcomeCode)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "outcome must be one of " + Outcome.codes()));
    if (outcome.reasonRequired() && !FeedbackReason.codes().contains(reason)) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "reason is required for " + outcome.code() + " and must be one of " + FeedbackReason.codes());
    }
    final Map<String, Object> variables = new HashMap<>();
    variables.put(HandoffVariables.OUTCOME, outcome.code());
    variables.put(HandoffVariables.REASON, reason);
    variables.put(HandoffVariables.OBJECTIONS, objections);
    try {
      client.newCompleteUserTaskCommand(userTaskKey).variables(variables).send().join(10, TimeUnit.SECONDS);
    } catch (final ProblemException e) {
      if (e.code() != HttpStatus.NOT_FOUND.value()) { // 404: completed before, our reply was lost
        throw new ResponseStatusException(HttpStatus.valueOf(e.code()), "The engine refused: " + e.details().getDetail());
      }
    }
    final Instant now = clock.instant();
    return transaction.execute(
        tx -> {
          final var current = tasks.findById(userTaskKey).orElseThrow();
          current.completed(outcome, outcome.reasonRequired() ? reason : null, objections, now);
          events.save(
              new JourneyEvent(
                  current.getLeadId(), JourneyEvent.Type.TASK_COMPLETED, HandoffVariables.PROCESS_ID, current.getElementId(),
                  outcome.code() + (outcome.reasonRequired() ? " (" + reason + ")" : ""), now, "task-completed:" + userTaskKey));
          return tasks.save(current);
        });
  }
}
