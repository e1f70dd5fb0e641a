package com.leadjourney.task;

import com.leadjourney.routing.TeamRouting;
import com.leadjourney.routing.Teams;
import com.leadjourney.security.Roles;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may do what with a task. A task is either in its team's queue (no assignee: any active member
 * of the team, or its manager, may take it) or assigned (only the assignee, the team's manager or
 * an admin may log touches, complete it or hand it back). Seeing is wider than working: members
 * see their team's tasks, so nobody takes what a colleague already holds. The team is the one the
 * lead was routed to in that stage.
 */
@Component
class TaskAccess {

  private final TeamRouting routing;
  private final Teams teams;

  TaskAccess(final TeamRouting routing, final Teams teams) {
    this.routing = routing;
    this.teams = teams;
  }

  /**
   * What one person may do with one task, decided with one look at the task's team.
   *
   * @param see the task and its contact card: whoever may take or work it, and the members of its team
   * @param work touch, complete, hand back: the assignee, the team's manager, an admin
   * @param take from the queue: a member of the team, its manager, an admin — only while nobody holds it
   * @param manage reassign: the team's manager, an admin
   * @param member an active member of the task's team
   */
  record Rights(boolean see, boolean work, boolean take, boolean manage, boolean member) {}

  Rights rightsOf(final Authentication user, final HumanTask task) {
    final Optional<String> team = routing.latest(task.getLeadId(), task.getProcessId()).map(TeamRouting.Assignment::teamId);
    final String function = "sales-acceptance".equals(task.getProcessId()) ? "ae" : "xdr";
    final boolean manage = Roles.has(user, "ADMIN") || team.flatMap(teams::managerOf).filter(user.getName()::equals).isPresent();
    final boolean member = team.map(t -> teams.teamsOfMember(function, user.getName()).contains(t)).orElse(false);
    final boolean work = user.getName().equals(task.getAssignee()) || manage;
    return new Rights(work || member, work, task.getAssignee() == null && (manage || member), manage, member);
  }

  boolean mayWork(final Authentication user, final HumanTask task) {
    return rightsOf(user, task).work();
  }

  boolean mayReassign(final Authentication user, final HumanTask task) {
    return rightsOf(user, task).manage();
  }

  /** Whom a manager may give the task to: the active, in-office members of its team other than the assignee (none for others). */
  List<String> reassignTargets(final Authentication user, final HumanTask task) {
    return reassignTargets(rightsOf(user, task), task);
  }

  List<String> reassignTargets(final Rights rights, final HumanTask task) {
    if (!rights.manage()) {
      return List.of();
    }
    return routing.latest(task.getLeadId(), task.getProcessId())
        .map(a -> routing.availableMembers(a.teamId()).stream().filter(m -> !m.equals(task.getAssignee())).toList())
        .orElse(List.of());
  }

  void checkManager(final Authentication user, final HumanTask task) {
    if (!mayReassign(user, task)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the manager of the task's team reassigns it");
    }
  }

  /** Refuses, in words, whoever may not log touches on or complete the task. */
  void checkWorker(final Authentication user, final HumanTask task) {
    final Rights rights = rightsOf(user, task);
    if (rights.work()) {
      return;
    }
    final boolean member = rights.member();
    if (task.getAssignee() == null && member) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Task " + task.getUserTaskKey() + " is in the team queue: take it first");
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN, member
        ? "Task " + task.getUserTaskKey() + " is assigned to " + task.getAssignee() + "; only they or the team's manager may work it"
        : OTHER_TEAMS.formatted(task.getUserTaskKey())); // whose it is is the team's business
  }

  void checkTaker(final Authentication user, final HumanTask task) {
    if (task.getAssignee() != null && !task.getAssignee().equals(user.getName())) {
      // Nobody takes a held task, whatever their role: the manager reassigns it instead.
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Task " + task.getUserTaskKey() + " is assigned to " + task.getAssignee() + "; a manager can reassign it");
    }
    if (task.getAssignee() == null && !rightsOf(user, task).take()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, OTHER_TEAMS.formatted(task.getUserTaskKey()));
    }
  }

  private static final String OTHER_TEAMS = "Task %d is in another team's queue; ask its manager to reassign it";

  /**
   * The queues whose tasks the person may work besides their own: the XDR and AE teams they are an
   * active member of and the teams they manage — what {@link #rightsOf} asks of one task (a team
   * has one function, so its routed tasks are of that function).
   */
  Set<String> queuesOf(final Authentication user) {
    final Set<String> queues = new HashSet<>(teams.teamsOfMember("xdr", user.getName()));
    queues.addAll(teams.teamsOfMember("ae", user.getName()));
    queues.addAll(teams.managedBy(user.getName()));
    return queues;
  }

  /** The teams whose tasks the person may reassign: those they manage. */
  Set<String> managedQueuesOf(final Authentication user) {
    return new HashSet<>(teams.managedBy(user.getName()));
  }
}
