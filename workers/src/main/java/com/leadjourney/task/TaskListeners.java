package com.leadjourney.task;

import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.lead.Timeline;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * Task listeners of every human task: {@code open-task} (creating) puts it in the inbox,
 * {@code assign-task} (assigning) follows its owner, {@code close-task} (canceling) takes it out.
 * The engine passes the task's key, groups, assignee and due date as headers of the listener job.
 */
@Component
public class TaskListeners {

  private static final String USER_TASK_KEY = "io.camunda.zeebe:userTaskKey";
  private static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  private static final String ASSIGNEE = "io.camunda.zeebe:assignee";
  private static final String DUE_DATE = "io.camunda.zeebe:dueDate";

  private final TaskInbox inbox;
  private final Timeline timeline;
  private final Clock clock;

  TaskListeners(final TaskInbox inbox, final Timeline timeline, final Clock clock) {
    this.inbox = inbox;
    this.timeline = timeline;
    this.clock = clock;
  }

  @JobWorker(type = "open-task")
  public void openTask(final ActivatedJob job, @Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    final var headers = job.getCustomHeaders();
    final int visit = timeline.visitOf(leadId, job.getBpmnProcessId());
    final String due = headers.get(DUE_DATE);
    inbox.opened(
        new HumanTask(
            userTaskKey(job), leadId, job.getProcessInstanceKey(), job.getBpmnProcessId(), job.getElementId(), visit,
            stripList(headers.get(CANDIDATE_GROUPS)), blankToNull(headers.get(ASSIGNEE)),
            due == null || due.isBlank() ? null : OffsetDateTime.parse(due).toInstant(), clock.instant()));
  }

  @JobWorker(type = "assign-task")
  public void assignTask(final ActivatedJob job) {
    inbox.assigned(userTaskKey(job), blankToNull(job.getCustomHeaders().get(ASSIGNEE)));
  }

  @JobWorker(type = "close-task")
  public void closeTask(final ActivatedJob job) {
    inbox.canceled(userTaskKey(job));
  }

  private static long userTaskKey(final ActivatedJob job) {
    return Long.parseLong(job.getCustomHeaders().get(USER_TASK_KEY));
  }

  /** The engine sends lists as JSON arrays: ["xdr"] reads better as xdr. */
  private static String stripList(final String value) {
    return value == null ? null : value.replaceAll("[\\[\\]\"]", "");
  }

  private static String blankToNull(final String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
