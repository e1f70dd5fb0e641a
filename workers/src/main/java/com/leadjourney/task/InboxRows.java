package com.leadjourney.task;

import com.leadjourney.definition.QualificationDecisions;
import com.leadjourney.lead.Lead;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.routing.Teams;
import com.leadjourney.security.Roles;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/** The inbox's rows for one person, in a fixed number of queries however many tasks they see. */
@Service
class InboxRows {

  private final OpenTasks openTasks;
  private final TaskAccess access;
  private final LeadRepository leads;
  private final Teams teams;
  private final QualificationDecisions decisions;

  InboxRows(final OpenTasks openTasks, final TaskAccess access, final LeadRepository leads, final Teams teams, final QualificationDecisions decisions) {
    this.decisions = decisions;
    this.openTasks = openTasks;
    this.access = access;
    this.leads = leads;
    this.teams = teams;
  }

  List<InboxPage.Row> of(final Authentication user) {
    final List<HumanTask> open = openTasks.openFor(user, null, null);
    final List<String> leadIds = open.stream().map(HumanTask::getLeadId).distinct().toList();
    final Map<String, Lead> byId = leads.findAllById(leadIds).stream().collect(Collectors.toMap(Lead::getId, Function.identity()));
    final Map<String, String> priority = decisions.prioritiesOf(leadIds);
    final boolean admin = Roles.has(user, "ADMIN");
    final Set<Long> managed = admin || access.managedQueuesOf(user).isEmpty() ? Set.of()
        : openTasks.openManagedBy(user).stream().map(HumanTask::getUserTaskKey).collect(Collectors.toSet());
    return open.stream().map(t -> {
      final Lead lead = byId.get(t.getLeadId());
      return new InboxPage.Row(
          t.getUserTaskKey(), t.getLeadId(), lead == null ? t.getLeadId() : lead.displayName(), lead == null ? null : lead.getTitle(),
          lead == null ? null : lead.getCompany(), lead == null ? null : lead.getEmail(), t.getProcessId(), t.getAssignee(), t.getDueAt(),
          t.getCreatedAt(), t.getFirstTouchAt(), user.getName().equals(t.getAssignee()), "hot".equals(priority.get(t.getLeadId())), t.getAssignee() == null,
          admin || managed.contains(t.getUserTaskKey()));
    }).toList();
  }

  /** An admin, or the manager of a team: the inbox shows the boxes for bulk actions. */
  boolean managesAny(final Authentication user) {
    return Roles.has(user, "ADMIN") || !access.managedQueuesOf(user).isEmpty();
  }

  /** Whom a manager may give selected tasks to: the active members of the teams they manage (admins: every team's). */
  List<String> bulkTargets(final Authentication user) {
    final var managedTeams = Roles.has(user, "ADMIN") ? teams.allTeams() : access.managedQueuesOf(user);
    final Set<String> members = new TreeSet<>();
    managedTeams.forEach(team -> members.addAll(teams.activeMembers(team)));
    return List.copyOf(members);
  }

}
