package com.leadjourney.handoff;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class XdrTaskController {

  record TaskView(long userTaskKey, String leadId, String assignee, String candidateGroups, Instant dueAt, String state, String outcome, String reason) {
    static TaskView of(final XdrTask t) {
      return new TaskView(t.getUserTaskKey(), t.getLeadId(), t.getAssignee(), t.getCandidateGroups(), t.getDueAt(), t.getState().name(), t.getOutcome(), t.getReason());
    }
  }

  record Completion(String outcome, String reason, String objections) {}

  private final XdrInbox inbox;

  XdrTaskController(final XdrInbox inbox) {
    this.inbox = inbox;
  }

  /** Open XDR tasks, soonest first-touch deadline first. */
  @GetMapping("/api/tasks")
  List<TaskView> openTasks(@RequestParam(required = false) final String assignee) {
    return inbox.open(assignee).stream().map(TaskView::of).toList();
  }

  /** Closes the task with an outcome; recycle and disqualify need a reason from the taxonomy. */
  @PostMapping("/api/tasks/{userTaskKey}/completion")
  TaskView complete(@PathVariable final long userTaskKey, @RequestBody final Completion completion) {
    return TaskView.of(inbox.complete(userTaskKey, completion.outcome(), completion.reason(), completion.objections()));
  }
}
