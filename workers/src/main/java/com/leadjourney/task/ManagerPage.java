package com.leadjourney.task;

import com.leadjourney.lead.Lead;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.routing.TeamRoster;
import com.leadjourney.platform.PageActions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The manager's page at {@code /team}: first what needs them — stranded leads (waiting in a team
 * queue with nobody on them, or overdue) and then those at risk (due within the warning window) —
 * each with a one-click "give to" the least-loaded available member and a box for bulk actions;
 * then each member's availability, absences and load against their cap.
 */
@Controller
class ManagerPage {

  /** A task is at risk this long before its deadline, as the inbox's amber band. */
  private static final Duration AT_RISK = Duration.ofMinutes(15);

  /**
   * A task of the manager's teams that needs them.
   *
   * @param stranded in the team queue (nobody on it) or overdue
   * @param suggested the available member with the fewest open leads: the one-click target; null when nobody is available
   */
  record Escalation(
      long key, String leadId, String who, String stage, String assignee, Instant dueAt, boolean overdue, boolean stranded, String suggested,
      List<String> reassignTo) {}

  private final TaskInbox inbox;
  private final OpenTasks openTasks;
  private final TaskAccess access;
  private final TeamRoster roster;
  private final LeadRepository leads;
  private final Clock clock;

  ManagerPage(final TaskInbox inbox, final OpenTasks openTasks, final TaskAccess access, final TeamRoster roster, final LeadRepository leads, final Clock clock) {
    this.inbox = inbox;
    this.openTasks = openTasks;
    this.access = access;
    this.roster = roster;
    this.leads = leads;
    this.clock = clock;
  }

  @GetMapping("/team")
  String team(final Authentication user, final Model model) {
    final Instant now = clock.instant();
    model.addAttribute("now", now);
    final List<TeamRoster.Team> teams = roster.managedBy(user);
    final Map<String, Integer> load = new HashMap<>();
    teams.forEach(team -> team.members().forEach(m -> load.merge(m.username(), m.openAssignments(), Integer::sum)));
    model.addAttribute("teams", teams);
    final List<HumanTask> tasks = openTasks.openManagedBy(user).stream()
        .filter(t -> t.getAssignee() == null || (t.getDueAt() != null && t.getDueAt().isBefore(now.plus(AT_RISK))))
        .toList();
    final Map<String, Lead> byId = leads.findAllById(tasks.stream().map(HumanTask::getLeadId).distinct().toList()).stream()
        .collect(Collectors.toMap(Lead::getId, Function.identity()));
    final List<Escalation> needing = tasks.stream()
        .map(t -> escalation(t, byId.get(t.getLeadId()), user, now, load))
        .sorted(Comparator.comparing(Escalation::stranded).reversed()
            .thenComparing(Escalation::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
    model.addAttribute("escalations", needing);
    model.addAttribute("strandedCount", needing.stream().filter(Escalation::stranded).count());
    model.addAttribute("bulkTargets", new TreeSet<>(load.keySet()));
    return "team";
  }

  private Escalation escalation(final HumanTask t, final Lead lead, final Authentication user, final Instant now, final Map<String, Integer> load) {
    final boolean overdue = t.getDueAt() != null && t.getDueAt().isBefore(now);
    final List<String> targets = access.reassignTargets(user, t);
    final String suggested = targets.stream().min(Comparator.comparing((String m) -> load.getOrDefault(m, 0)).thenComparing(m -> m)).orElse(null);
    final String who = lead == null ? t.getLeadId() : lead.displayName() + (lead.getCompany() == null ? "" : " · " + lead.getCompany());
    return new Escalation(
        t.getUserTaskKey(), t.getLeadId(), who, t.getProcessId(), t.getAssignee(), t.getDueAt(), overdue, t.getAssignee() == null || overdue,
        suggested, targets);
  }

  @PostMapping("/team/tasks/{key}/assignment")
  String reassign(@PathVariable final long key, @RequestParam final String assignee, final Authentication user, final RedirectAttributes flash) {
    return PageActions.act(flash, "/team", () -> {
      inbox.reassign(key, assignee, user);
      return "Reassigned to " + assignee + ".";
    });
  }

  @PostMapping("/team/{team}/members/{username}/availability")
  String availability(
      @PathVariable final String team, @PathVariable final String username, @RequestParam final boolean available, final Authentication user,
      final RedirectAttributes flash) {
    return PageActions.act(flash, "/team", () -> {
      roster.setAvailable(user, team, username, available);
      return username + (available ? " takes new leads again." : " takes no new leads until made available.");
    });
  }

  @PostMapping("/team/{team}/absences")
  String away(
      @PathVariable final String team, @RequestParam final String username,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) final LocalDateTime from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) final LocalDateTime until,
      @RequestParam(required = false) final String reason, final Authentication user, final RedirectAttributes flash) {
    return PageActions.act(flash, "/team", () -> {
      roster.addAbsence(user, team, username, from, until, reason);
      return username + " is out of office from " + from + " to " + until + ".";
    });
  }

  @PostMapping("/team/{team}/absences/{id}/end")
  String back(@PathVariable final String team, @PathVariable final long id, final Authentication user, final RedirectAttributes flash) {
    return PageActions.act(flash, "/team", () -> {
      roster.endAbsence(user, team, id);
      return "Absence removed.";
    });
  }
}
