package com.leadjourney.task;

import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox API: list, claim, log a touch, complete with an outcome. */
@RestController
class TaskController {

  record TaskView(
      long userTaskKey,
      String leadId,
      String stage,
      String element,
      String assignee,
      String candidateGroups,
      Instant dueAt,
      Instant firstTouchAt,
      String state,
      String outcome,
      String reason) {
    static TaskView of(final HumanTask t) {
      return new TaskView(
          t.getUserTaskKey(), t.getLeadId(), t.getProcessId(), t.getElementId(), t.getAssignee(), t.getCandidateGroups(), t.getDueAt(),
          t.getFirstTouchAt(), t.getState().name(), t.getOutcome(), t.getReason());
    }
  }

  record Completion(String outcome, String reason, String objections) {}

  record Touch(String kind, String note) {}

  record Reassignment(String assignee) {}

  private final TaskInbox inbox;
  private final OpenTasks openTasks;
  private final TaskTouches touches;

  TaskController(final TaskInbox inbox, final OpenTasks openTasks, final TaskTouches touches) {
    this.inbox = inbox;
    this.openTasks = openTasks;
    this.touches = touches;
  }

  /**
   * Open tasks the caller may work (their own and their team's queue), soonest deadline first;
   * filter by assignee ("none": the team queue's) and by stage (xdr-handoff, sales-acceptance).
   */
  @GetMapping("/api/tasks")
  List<TaskView> openTasks(
      @RequestParam(required = false) final String assignee, @RequestParam(required = false) final String stage, final Authentication user) {
    return openTasks.openFor(user, assignee, stage).stream().map(TaskView::of).toList();
  }

  @PostMapping("/api/tasks/{userTaskKey}/claim")
  TaskView claim(@PathVariable final long userTaskKey, final Authentication user) {
    return TaskView.of(inbox.claim(userTaskKey, user));
  }

  /** Logs a call, email, meeting, social touch or note; the first on an XDR task meets the first-touch SLA. */
  @PostMapping("/api/tasks/{userTaskKey}/touches")
  TaskView touch(@PathVariable final long userTaskKey, @RequestBody final Touch touch, final Authentication user) {
    return TaskView.of(touches.log(userTaskKey, touch.kind(), touch.note(), user));
  }

  /** The team's manager gives the task to another member of the team (an escalated lead, an absence). */
  @PostMapping("/api/tasks/{userTaskKey}/assignment")
  TaskView reassign(@PathVariable final long userTaskKey, @RequestBody final Reassignment reassignment, final Authentication user) {
    return TaskView.of(inbox.reassign(userTaskKey, reassignment.assignee(), user));
  }

  /** The assignee or the team's manager puts the task back in the team's queue. */
  @DeleteMapping("/api/tasks/{userTaskKey}/assignment")
  TaskView handBack(@PathVariable final long userTaskKey, final Authentication user) {
    return TaskView.of(inbox.handBack(userTaskKey, user));
  }

  /** Closes the task with an outcome of its stage; reasons come from the feedback taxonomy. */
  @PostMapping("/api/tasks/{userTaskKey}/completion")
  TaskView complete(@PathVariable final long userTaskKey, @RequestBody final Completion completion, final Authentication user) {
    return TaskView.of(inbox.complete(userTaskKey, completion.outcome(), completion.reason(), completion.objections(), user));
  }
}
