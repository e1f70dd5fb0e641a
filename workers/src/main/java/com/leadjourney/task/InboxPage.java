package com.leadjourney.task;

import com.leadjourney.feedback.FeedbackReason;
import com.leadjourney.platform.PageActions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The XDR's and AE's inbox at {@code /inbox}: one compact row per task they may see (theirs, their
 * team's queue, and — for a manager — their teams'), soonest deadline first. A row opens one panel
 * with the contact card and the forms its viewer may use; the page sorts, filters and searches in
 * the browser (inbox.js) and refreshes its rows when the server says tasks changed. Every action goes
 * through the same checks as the API; a refusal is said in words on the row it is about, with what
 * was typed kept.
 */
@Controller
class InboxPage {

  /**
   * One task as the inbox lists it.
   *
   * @param hot the lead's priority under the signed definition is hot (fits well and engages a lot)
   * @param managed the viewer manages its team: it may be selected for bulk actions
   */
  record Row(
      long key, String leadId, String name, String title, String company, String email, String stage, String assignee, Instant dueAt,
      Instant createdAt, Instant firstTouchAt, boolean mine, boolean hot, boolean inQueue, boolean managed) {}

  private final TaskInbox inbox;
  private final TaskTouches touches;
  private final TaskAccess access;
  private final InboxRows rows;
  private final ContactCards cards;
  private final Clock clock;

  InboxPage(
      final TaskInbox inbox, final TaskTouches touches, final TaskAccess access, final InboxRows rows, final ContactCards cards, final Clock clock) {
    this.inbox = inbox;
    this.touches = touches;
    this.access = access;
    this.rows = rows;
    this.cards = cards;
    this.clock = clock;
  }

  @GetMapping("/inbox")
  String inbox(@RequestParam(required = false) final Long open, final Authentication user, final Model model) {
    final List<Row> all = rows.of(user);
    model.addAttribute("now", clock.instant()); // the journey's clock, which tests and demos may move ahead of the wall's
    model.addAttribute("rows", all);
    model.addAttribute("manager", rows.managesAny(user));
    model.addAttribute("reasons", FeedbackReason.codes());
    model.addAttribute("bulkTargets", rows.bulkTargets(user));
    if (open != null && all.stream().anyMatch(r -> r.key() == open)) {
      panel(open, user, model);
      model.addAttribute("open", open);
    }
    return "inbox";
  }

  /** The rows alone: what an open inbox swaps in when the server says tasks changed. */
  @GetMapping("/inbox/rows")
  String rows(final Authentication user, final Model model) {
    final List<Row> all = rows.of(user);
    model.addAttribute("now", clock.instant());
    model.addAttribute("rows", all);
    model.addAttribute("manager", rows.managesAny(user));
    return "inbox :: rows";
  }

  /** One task's panel: its contact card and the actions its viewer may take. */
  @GetMapping("/inbox/{key}/panel")
  String panel(@PathVariable final long key, final Authentication user, final Model model) {
    final HumanTask task = inbox.openTask(key);
    final TaskAccess.Rights rights = access.rightsOf(user, task);
    if (!rights.see()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Task " + key + " is another team's");
    }
    final var outcomes = inbox.outcomesOf(task);
    model.addAttribute("t", task);
    model.addAttribute("card", cards.of(task.getLeadId()).orElseThrow());
    model.addAttribute("mayWork", rights.work());
    model.addAttribute("mayTake", rights.take());
    model.addAttribute("touchKinds", outcomes.firstTouchClock() || "xdr-handoff".equals(task.getProcessId()) ? TaskTouches.KINDS : List.of());
    model.addAttribute("outcomes", outcomes.outcomes());
    model.addAttribute("criteria", outcomes.criteria());
    model.addAttribute("reasons", FeedbackReason.codes());
    model.addAttribute("reassignTo", access.reassignTargets(rights, task));
    return "task-panel :: panel";
  }

  @PostMapping("/inbox/{key}/claim")
  String claim(@PathVariable final long key, final Authentication user, final RedirectAttributes flash) {
    return act(flash, key, Map.of(), "You took the task.", () -> inbox.claim(key, user));
  }

  @PostMapping("/inbox/{key}/release")
  String handBack(@PathVariable final long key, final Authentication user, final RedirectAttributes flash) {
    return act(flash, key, Map.of(), "Back in the team queue.", () -> inbox.handBack(key, user));
  }

  @PostMapping("/inbox/{key}/touches")
  String touch(
      @PathVariable final long key, @RequestParam final String kind, @RequestParam(required = false) final String note,
      final Authentication user, final RedirectAttributes flash) {
    return act(flash, key, Map.of("kind", kind, "note", note == null ? "" : note), "Logged: " + kind + ".",
        () -> touches.log(key, kind, blankToNull(note), user));
  }

  @PostMapping("/inbox/{key}/completion")
  String complete(
      @PathVariable final long key, @RequestParam final String outcome, @RequestParam(required = false) final String reason,
      @RequestParam(required = false) final String objections, final Authentication user, final RedirectAttributes flash) {
    return act(flash, key, Map.of("outcome", outcome, "reason", reason == null ? "" : reason, "objections", objections == null ? "" : objections),
        "Done: " + outcome + (blankToNull(reason) == null ? "" : " (" + reason + ")") + ".",
        () -> inbox.complete(key, outcome, blankToNull(reason), blankToNull(objections), user));
  }

  @PostMapping("/inbox/{key}/assignment")
  String reassign(@PathVariable final long key, @RequestParam final String assignee, final Authentication user, final RedirectAttributes flash) {
    return act(flash, key, Map.of("assignee", assignee), "Reassigned to " + assignee + ".", () -> inbox.reassign(key, assignee, user));
  }

  /**
   * Back to the inbox with this task's panel open, saying what happened — or, when refused, why,
   * on the task's own row, with what was typed kept.
   */
  private static String act(
      final RedirectAttributes flash, final long key, final Map<String, String> typed, final String done, final Supplier<HumanTask> action) {
    final String page = PageActions.act(flash, "/inbox?open=" + key + "#task-" + key, () -> {
      action.get();
      return done;
    });
    if (flash.getFlashAttributes().containsKey("problem")) {
      flash.addFlashAttribute("problemTask", key);
      flash.addFlashAttribute("typed", typed);
    }
    return page;
  }

  private static String blankToNull(final String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
