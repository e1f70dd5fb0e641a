package com.leadjourney.task;

import static com.leadjourney.audit.Audit.state;

import com.leadjourney.audit.Audit;
import com.leadjourney.engine.EngineRestarts;
import com.leadjourney.lead.FunnelSteps;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import com.leadjourney.platform.LiveUpdates;
import com.leadjourney.routing.TeamRouting;
import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Everyone's inbox in both modes: tasks arrive through the user tasks' listeners and leave by the
 * Camunda client's own user-task commands (REST on a cluster, the app's embedded endpoint
 * otherwise). The engine is told first; the inbox row follows, so a lost reply is safe to retry.
 */
@Service
public class TaskInbox {

  private final HumanTaskRepository tasks;
  private final Timeline timeline;
  private final CamundaClient client;
  private final TransactionTemplate transaction;
  private final Map<String, TaskOutcomes> outcomesByProcess;
  private final FunnelSteps funnel;
  private final TeamRouting routing;
  private final Audit audit;
  private final TaskAccess access;
  private final Clock clock;
  private final EngineRestarts engineRestarts;
  private final LiveUpdates live;
  private final TouchLog touches;

  TaskInbox(
      final HumanTaskRepository tasks,
      final Timeline timeline,
      final CamundaClient client,
      final TransactionTemplate transaction,
      final List<TaskOutcomes> outcomes,
      final TeamRouting routing,
      final Audit audit,
      final TaskAccess access,
      final Clock clock,
      final EngineRestarts engineRestarts,
      final LiveUpdates live,
      final TouchLog touches,
      final FunnelSteps funnel) {
    this.funnel = funnel;
    this.live = live;
    this.touches = touches;
    this.tasks = tasks;
    this.timeline = timeline;
    this.client = client;
    this.transaction = transaction;
    outcomesByProcess = outcomes.stream().collect(Collectors.toMap(TaskOutcomes::processId, Function.identity()));
    this.routing = routing;
    this.audit = audit;
    this.access = access;
    this.clock = clock;
    this.engineRestarts = engineRestarts;
  }

  /**
   * Idempotent: the task key is the row's key. A journey rebuilt after a restart creates the same
   * task under a new key: the new row replaces the old one and keeps its first touch and claim.
   */
  public void opened(final HumanTask task) {
    transaction.executeWithoutResult(
        tx -> {
          if (tasks.existsById(task.getUserTaskKey())) {
            return;
          }
          tasks.findFirstByLeadIdAndProcessIdAndElementIdAndVisitAndStateAndUserTaskKeyNot(
                  task.getLeadId(), task.getProcessId(), task.getElementId(), task.getVisit(), HumanTask.State.OPEN, task.getUserTaskKey())
              .ifPresent(
                  earlier -> {
                    earlier.canceled(clock.instant());
                    task.carryOver(earlier);
                  });
          tasks.save(task);
          changed();
          timeline.recordAt(
              task.getLeadId(), JourneyEvent.Type.TASK_OPENED, task.getProcessId(), task.getElementId(),
              "for " + (task.getAssignee() == null ? task.getCandidateGroups() : task.getAssignee()) + ", due " + task.getDueAt(),
              "task-opened:" + task.getUserTaskKey());
        });
  }

  /** The engine assigned the task (routing at creation, a claim, a manager's reassignment). */
  public void assigned(final long userTaskKey, final String assignee) {
    transaction.executeWithoutResult(tx -> tasks.findById(userTaskKey).filter(t -> t.getState() == HumanTask.State.OPEN).ifPresent(t -> {
      t.assigned(assignee);
      changed();
    }));
  }

  /** The task was interrupted (e.g. reassignment): it leaves the inbox. */
  public void canceled(final long userTaskKey) {
    transaction.executeWithoutResult(
        tx ->
            tasks.findById(userTaskKey)
                .filter(t -> t.getState() == HumanTask.State.OPEN)
                .ifPresent(
                    t -> {
                      t.canceled(clock.instant());
                      changed();
                      routing.release(t.getLeadId(), t.getProcessId(), t.getVisit());
                      timeline.recordAt(
                          t.getLeadId(), JourneyEvent.Type.TASK_CANCELED, t.getProcessId(), t.getElementId(),
                          "taken from " + t.getAssignee(), "task-canceled:" + userTaskKey);
                    }));
  }

  /** The user takes the task from the team's queue: it must be theirs already or nobody's. */
  public HumanTask claim(final long userTaskKey, final Authentication person) {
    final HumanTask task = openTask(userTaskKey);
    access.checkTaker(person, task);
    final String user = person.getName();
    if (user.equals(task.getAssignee())) {
      return task;
    }
    UserTaskCommands.send(() -> client.newAssignUserTaskCommand(userTaskKey).assignee(user).send().join(10, TimeUnit.SECONDS));
    return transaction.execute(
        tx -> {
          final var current = tasks.findById(userTaskKey).orElseThrow();
          audit.record(user, "task.claimed", "task", String.valueOf(userTaskKey), current.getLeadId(),
              state("assignee", current.getAssignee()), state("assignee", user));
          routing.taken(current.getLeadId(), current.getProcessId(), current.getVisit(), user);
          current.claimed(user);
          changed();
          timeline.recordAt(current.getLeadId(), JourneyEvent.Type.TASK_CLAIMED, current.getProcessId(), current.getElementId(), "claimed by " + user, "task-claimed:" + userTaskKey + ":" + user);
          return current;
        });
  }

  /** The assignee (or the team's manager) puts the task back in the team's queue for someone else to take. */
  public HumanTask handBack(final long userTaskKey, final Authentication person) {
    final HumanTask task = workableTask(userTaskKey, person);
    if (task.getAssignee() == null) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Task " + userTaskKey + " is already in the team queue");
    }
    UserTaskCommands.send(() -> client.newUnassignUserTaskCommand(userTaskKey).send().join(10, TimeUnit.SECONDS));
    return transaction.execute(
        tx -> {
          final var current = tasks.findById(userTaskKey).orElseThrow();
          audit.record(person.getName(), "task.handed-back", "task", String.valueOf(userTaskKey), current.getLeadId(),
              state("assignee", current.getAssignee()), state("assignee", null));
          routing.handedBack(current.getLeadId(), current.getProcessId(), current.getVisit(), person.getName());
          current.assigned(null);
          changed();
          return current;
        });
  }

  /** A manager moves the task to another member of its team: checked, then the engine, then routing, inbox and audit. */
  public HumanTask reassign(final long userTaskKey, final String assignee, final Authentication person) {
    final HumanTask task = openTask(userTaskKey);
    access.checkManager(person, task);
    final String manager = person.getName();
    if (assignee == null || assignee.isBlank() || assignee.equals(task.getAssignee())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Name someone other than the current assignee");
    }
    final String team = routing.latest(task.getLeadId(), task.getProcessId()).map(TeamRouting.Assignment::teamId).orElse(null);
    if (team == null || !routing.isAvailableMember(team, assignee)) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_ENTITY, assignee + " is not an active, in-office member of the task's team " + team);
    }
    UserTaskCommands.send(() -> client.newAssignUserTaskCommand(userTaskKey).assignee(assignee).allowOverride(true).send().join(10, TimeUnit.SECONDS));
    return transaction.execute(tx -> {
      routing.reassign(task.getLeadId(), task.getProcessId(), task.getVisit(), assignee, manager);
      audit.record(manager, "task.reassigned", "task", String.valueOf(userTaskKey), task.getLeadId(),
          state("assignee", task.getAssignee()), state("assignee", assignee));
      final var current = tasks.findById(userTaskKey).orElseThrow();
      current.assigned(assignee);
      changed();
      return current;
    });
  }

  /** Closes the task with an outcome its stage allows; the engine first, then the inbox. */
  public HumanTask complete(
      final long userTaskKey, final String outcome, final String reason, final String objections, final Authentication person) {
    final HumanTask task = workableTask(userTaskKey, person);
    final String user = person.getName();
    final TaskOutcomes outcomes = outcomesOf(task);
    final Map<String, Object> variables;
    try {
      variables = outcomes.completionVariables(outcome, reason);
    } catch (final IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    final Instant now = clock.instant(); // when the person decided: before what the journey does next
    if (task.getFirstTouchAt() == null && outcomes.firstTouchClock() && outcomes.impliesTouch(outcome)) {
      // Booking the meeting was the first touch: its SLA result and speed-to-lead count (before the
      // engine moves on, so the first-touch message still finds this visit's clock).
      touches.record(task, outcomes, "meeting", "logged with the outcome " + outcome, user, now);
    }
    if (objections != null) {
      transaction.executeWithoutResult(tx -> tasks.findById(userTaskKey).orElseThrow().noteObjections(objections));
    }
    UserTaskCommands.send(() -> client.newCompleteUserTaskCommand(userTaskKey).variables(variables).send().join(10, TimeUnit.SECONDS));
    final String recordedReason = variables.containsKey("reason") ? (String) variables.get("reason") : null;
    return transaction.execute(
        tx -> {
          final var current = tasks.findById(userTaskKey).orElseThrow();
          audit.record(user, "task.completed", "task", String.valueOf(userTaskKey), current.getLeadId(),
              state("state", "open", "assignee", current.getAssignee()),
              state("state", "completed", "outcome", outcome, "reason", recordedReason, "objections", objections));
          current.completed(outcome, recordedReason, objections, now);
          final FunnelSteps.Step reached = outcomes.reaches(outcome);
          if (reached != null) {
            funnel.reached(current.getLeadId(), reached);
          }
          changed();
          routing.release(current.getLeadId(), current.getProcessId(), current.getVisit());
          timeline.recordAt(
              current.getLeadId(), JourneyEvent.Type.TASK_COMPLETED, current.getProcessId(), current.getElementId(),
              outcome + (recordedReason != null ? " (" + recordedReason + ")" : "") + " by " + user, "task-completed:" + userTaskKey, now);
          return current;
        });
  }

  /** Refuses (403) unless the person manages the task's team (or is an admin). */
  void checkManages(final long userTaskKey, final Authentication person) {
    access.checkManager(person, openTask(userTaskKey));
  }

  /** The open task, when the person may work it (theirs, or as the team's manager): else 409 (take it first) or 403. */
  HumanTask workableTask(final long userTaskKey, final Authentication person) {
    final HumanTask task = openTask(userTaskKey);
    access.checkWorker(person, task);
    return task;
  }

  HumanTask openTask(final long userTaskKey) {
    final var task =
        tasks.findById(userTaskKey)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No task " + userTaskKey + " in the inbox"));
    if (task.getState() != HumanTask.State.OPEN) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Task " + userTaskKey + " is already " + task.getState().name().toLowerCase());
    }
    if (engineRestarts.isFromEarlierStart(userTaskKey)) {
      // The engine would answer "not found", which otherwise means "done before, our reply was
      // lost": the work would be recorded while the journey never hears of it.
      throw new TaskNotBackYet(userTaskKey);
    }
    return task;
  }

  TaskOutcomes outcomesOf(final HumanTask task) {
    final var outcomes = outcomesByProcess.get(task.getProcessId());
    if (outcomes == null) {
      throw new IllegalStateException("No outcomes defined for tasks of " + task.getProcessId());
    }
    return outcomes;
  }

  /** Open pages refresh their lists once this transaction commits. */
  void changed() {
    AfterCommit.run(live::tasksChanged);
  }
}
