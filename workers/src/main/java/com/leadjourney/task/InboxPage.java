package com.leadjourney.task;

import com.leadjourney.feedback.FeedbackReason;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.platform.PageActions;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The XDR's and AE's inbox at {@code /inbox}: their open tasks and their team's queue, soonest
 * deadline first, each with its clock, its criteria, and the touch and outcome forms. Every action
 * goes through the same checks as the API; what goes wrong is said in words on the page.
 */
@Controller
class InboxPage {

  /** One task as the inbox shows it. */
  record Row(
      long key, String leadId, String who, String stage, String assignee, Instant dueAt, Instant firstTouchAt, boolean mine,
      List<String> outcomes, String criteria, List<String> reassignTo) {}

  private final TaskInbox inbox;
  private final TaskTouches touches;
  private final TaskAccess access;
  private final LeadRepository leads;
  private final Clock clock;

  InboxPage(final TaskInbox inbox, final TaskTouches touches, final TaskAccess access, final LeadRepository leads, final Clock clock) {
    this.inbox = inbox;
    this.touches = touches;
    this.access = access;
    this.leads = leads;
    this.clock = clock;
  }

  @GetMapping("/inbox")
  String inbox(final Authentication user, final Model model) {
    final List<Row> rows = inbox.openFor(user, null, null).stream()
        .sorted(Comparator.comparing(HumanTask::getDueAt, Comparator.nullsLast(Comparator.naturalOrder())))
        .map(t -> row(t, user))
        .toList();
    model.addAttribute("now", clock.instant()); // the journey's clock, which tests and demos may move ahead of the wall's
    model.addAttribute("mine", rows.stream().filter(Row::mine).toList());
    model.addAttribute("team", rows.stream().filter(r -> !r.mine()).toList());
    model.addAttribute("kinds", TaskTouches.KINDS);
    model.addAttribute("reasons", FeedbackReason.codes());
    return "inbox";
  }

  @PostMapping("/inbox/{key}/claim")
  String claim(@PathVariable final long key, final Authentication user, final RedirectAttributes flash) {
    return act(flash, "You took the task.", () -> inbox.claim(key, user));
  }

  @PostMapping("/inbox/{key}/touches")
  String touch(
      @PathVariable final long key, @RequestParam final String kind, @RequestParam(required = false) final String note,
      final Authentication user, final RedirectAttributes flash) {
    return act(flash, "Logged: " + kind + ".", () -> touches.log(key, kind, note == null || note.isBlank() ? null : note, user));
  }

  @PostMapping("/inbox/{key}/completion")
  String complete(
      @PathVariable final long key, @RequestParam final String outcome, @RequestParam(required = false) final String reason,
      @RequestParam(required = false) final String objections, final Authentication user, final RedirectAttributes flash) {
    return act(flash, "Done: " + outcome + (reason == null || reason.isBlank() ? "" : " (" + reason + ")") + ".",
        () -> inbox.complete(key, outcome, reason == null || reason.isBlank() ? null : reason,
            objections == null || objections.isBlank() ? null : objections, user));
  }

  @PostMapping("/inbox/{key}/assignment")
  String reassign(@PathVariable final long key, @RequestParam final String assignee, final Authentication user, final RedirectAttributes flash) {
    return act(flash, "Reassigned to " + assignee + ".", () -> inbox.reassign(key, assignee, user));
  }

  private static String act(final RedirectAttributes flash, final String done, final Supplier<HumanTask> action) {
    return PageActions.act(flash, "/inbox", () -> {
      action.get();
      return done;
    });
  }

  private Row row(final HumanTask task, final Authentication user) {
    final var outcomes = inbox.outcomesOf(task);
    final String who = leads.findById(task.getLeadId())
        .map(l -> (l.getCompany() == null ? "" : l.getCompany() + " · ") + l.getEmail())
        .orElse(task.getLeadId());
    return new Row(
        task.getUserTaskKey(), task.getLeadId(), who, task.getProcessId(), task.getAssignee(), task.getDueAt(), task.getFirstTouchAt(),
        user.getName().equals(task.getAssignee()), outcomes.outcomes(), outcomes.criteria(), access.reassignTargets(user, task));
  }
}
