package com.leadjourney.handoff;

import com.leadjourney.journey.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Task listeners of "Work the lead": {@code open-xdr-task} (creating) puts the task in the inbox,
 * {@code close-xdr-task} (canceling) takes it out. The engine passes the task's key, assignee and
 * candidate groups as custom headers of the listener job.
 */
@Component
public class XdrTaskListeners {

  private static final String USER_TASK_KEY = "io.camunda.zeebe:userTaskKey";
  private static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";

  private final XdrInbox inbox;
  private final Clock clock;

  XdrTaskListeners(final XdrInbox inbox, final Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  @JobWorker(
      type = "open-xdr-task",
      fetchVariables = {JourneyVariables.LEAD_ID, HandoffVariables.ASSIGNEE, HandoffVariables.FIRST_TOUCH_DUE_AT})
  public void openXdrTask(final ActivatedJob job) {
    final Map<String, Object> variables = job.getVariablesAsMap();
    inbox.opened(
        new XdrTask(
            userTaskKey(job),
            (String) variables.get(JourneyVariables.LEAD_ID),
            job.getProcessInstanceKey(),
            job.getElementId(),
            job.getCustomHeaders().get(CANDIDATE_GROUPS),
            (String) variables.get(HandoffVariables.ASSIGNEE),
            Instant.parse((String) variables.get(HandoffVariables.FIRST_TOUCH_DUE_AT)),
            clock.instant()));
  }

  @JobWorker(type = "close-xdr-task", fetchVariables = JourneyVariables.LEAD_ID)
  public void closeXdrTask(final ActivatedJob job) {
    inbox.canceled(userTaskKey(job));
  }

  private static long userTaskKey(final ActivatedJob job) {
    return Long.parseLong(job.getCustomHeaders().get(USER_TASK_KEY));
  }
}
