package com.leadjourney.task;

import com.leadjourney.routing.TeamRouting;
import com.leadjourney.routing.Teams;
import com.leadjourney.security.Roles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Whose task is it: an XDR or AE works their own tasks and their team's queue, a manager their
 * team's, an admin every team's. The team is the one the lead was routed to in that stage.
 */
@Component
class TaskAccess {

  private final TeamRouting routing;
  private final Teams teams;

  TaskAccess(final TeamRouting routing, final Teams teams) {
    this.routing = routing;
    this.teams = teams;
  }

  boolean mayWork(final Authentication user, final HumanTask task) {
    if (Roles.has(user, "ADMIN") || user.getName().equals(task.getAssignee())) {
      return true;
    }
    final String function = "sales-acceptance".equals(task.getProcessId()) ? "ae" : "xdr";
    return routing.latest(task.getLeadId(), task.getProcessId())
        .map(TeamRouting.Assignment::teamId)
        .map(team -> teams.teamsOfMember(function, user.getName()).contains(team) || teams.managerOf(team).filter(user.getName()::equals).isPresent())
        .orElse(false);
  }

  /** Admins, and the manager of the team the lead was routed to. */
  boolean mayReassign(final Authentication user, final HumanTask task) {
    return Roles.has(user, "ADMIN")
        || routing.latest(task.getLeadId(), task.getProcessId())
            .flatMap(a -> teams.managerOf(a.teamId()))
            .filter(user.getName()::equals)
            .isPresent();
  }

  /** Whom a manager may give the task to: the active members of its team other than the assignee (none for others). */
  List<String> reassignTargets(final Authentication user, final HumanTask task) {
    if (!mayReassign(user, task)) {
      return List.of();
    }
    return routing.latest(task.getLeadId(), task.getProcessId())
        .map(a -> teams.activeMembers(a.teamId()).stream().filter(m -> !m.equals(task.getAssignee())).toList())
        .orElse(List.of());
  }

  void checkManager(final Authentication user, final HumanTask task) {
    if (!mayReassign(user, task)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the manager of the task's team reassigns it");
    }
  }

  void check(final Authentication user, final HumanTask task) {
    if (!mayWork(user, task)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Task " + task.getUserTaskKey() + " belongs to another team's queue; ask its manager to reassign it");
    }
  }

  /**
   * The queues whose tasks the person may work besides their own: the XDR and AE teams they are an
   * active member of and the teams they manage — what {@link #mayWork} asks of one task (a team
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
