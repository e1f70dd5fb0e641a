package com.leadjourney.task;

import com.leadjourney.security.Roles;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/** Which open tasks a person sees: their own, their teams' (and queues'), a manager's teams', an admin's all. */
@Service
public class OpenTasks {

  private final HumanTaskRepository tasks;
  private final TaskAccess access;

  OpenTasks(final HumanTaskRepository tasks, final TaskAccess access) {
    this.tasks = tasks;
    this.access = access;
  }

  /** Every open task, earliest due first; an assignee or a stage narrows them. */
  public List<HumanTask> open(final String assignee, final String processId) {
    final var open =
        assignee == null
            ? tasks.findByStateOrderByDueAtAsc(HumanTask.State.OPEN)
            : tasks.findByStateAndAssigneeOrderByDueAtAsc(HumanTask.State.OPEN, assignee);
    return processId == null ? open : open.stream().filter(t -> processId.equals(t.getProcessId())).toList();
  }

  /** Whom {@code openFor} narrows to the team queue's tasks: nobody's. */
  static final String NOBODY = "none";

  /** The open tasks the person may see, earliest due first; an assignee ({@link #NOBODY}: the queue's) or a stage narrows them. */
  public List<HumanTask> openFor(final Authentication person, final String assignee, final String processId) {
    if (Roles.has(person, "ADMIN") && !NOBODY.equals(assignee)) {
      return open(assignee, processId);
    }
    final var seen = Roles.has(person, "ADMIN") ? open(null, processId) : seenBy(person.getName(), access.queuesOf(person));
    return seen.stream()
        .filter(t -> assignee == null || (NOBODY.equals(assignee) ? t.getAssignee() == null : assignee.equals(t.getAssignee())))
        .filter(t -> processId == null || processId.equals(t.getProcessId()))
        .toList();
  }

  /**
   * The open tasks the person may reassign: all for an admin, else those whose lead was last routed
   * to a team they manage — {@link TaskAccess#mayReassign} for every open task, in one query.
   */
  public List<HumanTask> openManagedBy(final Authentication person) {
    if (Roles.has(person, "ADMIN")) {
      return open(null, null);
    }
    return seenBy(null, access.managedQueuesOf(person));
  }

  /** @param person whose own tasks count too; null for the queues' tasks only */
  private List<HumanTask> seenBy(final String person, final Set<String> queues) {
    return tasks.findOpenSeenBy(person, queues.isEmpty() ? Set.of("") : queues); // "in ()" is no SQL: "" is no team
  }
}
