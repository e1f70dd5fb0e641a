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

  /** See the task and its contact card: whoever may take or work it, and the members of its team. */
  boolean maySee(final Authentication user, final HumanTask task) {
    return mayWork(user, task) || isTeamMember(user, task);
  }

  /** Touch, complete, hand back: the assignee, the team's manager, an admin. */
  boolean mayWork(final Authentication user, final HumanTask task) {
    return user.getName().equals(task.getAssignee()) || mayReassign(user, task);
  }

  /** Take from the queue: an active member of the task's team, its manager, an admin — only while nobody holds it. */
  boolean mayTake(final Authentication user, final HumanTask task) {
    return task.getAssignee() == null && (mayReassign(user, task) || isTeamMember(user, task));
  }

  private boolean isTeamMember(final Authentication user, final HumanTask task) {
    final String function = "sales-acceptance".equals(task.getProcessId()) ? "ae" : "xdr";
    return teamOf(task).map(team -> teams.teamsOfMember(function, user.getName()).contains(team)).orElse(false);
  }

  private Optional<String> teamOf(final HumanTask task) {
    return routing.latest(task.getLeadId(), task.getProcessId()).map(TeamRouting.Assignment::teamId);
  }

  /** Admins, and the manager of the team the lead was routed to. */
  boolean mayReassign(final Authentication user, final HumanTask task) {
    return Roles.has(user, "ADMIN")
        || routing.latest(task.getLeadId(), task.getProcessId())
            .flatMap(a -> teams.managerOf(a.teamId()))
            .filter(user.getName()::equals)
            .isPresent();
  }

  /** Whom a manager may give the task to: the active, in-office members of its team other than the assignee (none for others). */
  List<String> reassignTargets(final Authentication user, final HumanTask task) {
    if (!mayReassign(user, task)) {
      return List.of();
    }
    return teamOf(task)
        .map(team -> teams.activeMembers(team).stream().filter(m -> !m.equals(task.getAssignee())).filter(m -> routing.isAvailableMember(team, m)).toList())
        .orElse(List.of());
  }

  void checkManager(final Authentication user, final HumanTask task) {
    if (!mayReassign(user, task)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the manager of the task's team reassigns it");
    }
  }

  /** Refuses, in words, whoever may not log touches on or complete the task. */
  void checkWorker(final Authentication user, final HumanTask task) {
    if (mayWork(user, task)) {
      return;
    }
    final boolean member = isTeamMember(user, task);
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
    if (task.getAssignee() == null && !mayTake(user, task)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, OTHER_TEAMS.formatted(task.getUserTaskKey()));
    }
  }

  private static final String OTHER_TEAMS = "Task %d is in another team's queue; ask its manager to reassign it";

  /**
   * The queues whose tasks the person may work besides their own: the XDR and AE teams they are an
   * active member of and the teams they manage — what {@link #mayTake} asks of one task (a team
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
