package com.leadjourney.task;

import com.leadjourney.lead.LeadRepository;
import com.leadjourney.routing.TeamRoster;
import com.leadjourney.platform.PageActions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
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
 * The manager's page at {@code /team}: their teams' escalations (overdue, or due within the warning
 * window) with a reassign action, each member's availability, absences and load against their cap.
 */
@Controller
class ManagerPage {

  /** A task is at risk this long before its deadline, as the inbox's amber band. */
  private static final Duration AT_RISK = Duration.ofMinutes(15);

  /** An overdue or at-risk task of the manager's teams. */
  record Escalation(long key, String leadId, String who, String stage, String assignee, Instant dueAt, boolean overdue, List<String> reassignTo) {}

  private final TaskInbox inbox;
  private final TaskAccess access;
  private final TeamRoster roster;
  private final LeadRepository leads;
  private final Clock clock;

  ManagerPage(final TaskInbox inbox, final TaskAccess access, final TeamRoster roster, final LeadRepository leads, final Clock clock) {
    this.inbox = inbox;
    this.access = access;
    this.roster = roster;
    this.leads = leads;
    this.clock = clock;
  }

  @GetMapping("/team")
  String team(final Authentication user, final Model model) {
    final Instant now = clock.instant();
    model.addAttribute("now", now);
    model.addAttribute("teams", roster.managedBy(user));
    model.addAttribute("escalations", inbox.openManagedBy(user).stream()
        .filter(t -> t.getDueAt() != null && t.getDueAt().isBefore(now.plus(AT_RISK)))
        .sorted(Comparator.comparing(HumanTask::getDueAt))
        .map(t -> new Escalation(t.getUserTaskKey(), t.getLeadId(), leads.findById(t.getLeadId()).map(l -> l.getEmail()).orElse(t.getLeadId()),
            t.getProcessId(), t.getAssignee(), t.getDueAt(), t.getDueAt().isBefore(now), access.reassignTargets(user, t)))
        .toList());
    return "team";
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
