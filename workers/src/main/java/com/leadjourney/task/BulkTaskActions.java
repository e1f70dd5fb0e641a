package com.leadjourney.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A manager's bulk actions on the tasks they select in the inbox or on /team: give them all to one
 * member, or complete them all with one outcome. Each task goes through the same checks as alone;
 * the page says how many were done and, per task, why any was not.
 */
@Controller
class BulkTaskActions {

  /** More than a page of rows in one click is a mistake more often than a plan. */
  private static final int MOST = 200;

  private final TaskInbox inbox;

  BulkTaskActions(final TaskInbox inbox) {
    this.inbox = inbox;
  }

  @PostMapping({"/inbox/bulk/assignment", "/team/bulk/assignment"})
  String reassign(
      @RequestParam(name = "task", required = false) final List<Long> keys, @RequestParam final String assignee,
      @RequestParam(defaultValue = "/inbox") final String back, final Authentication user, final RedirectAttributes flash) {
    return each(keys, back, flash, "given to " + assignee, key -> inbox.reassign(key, assignee, user));
  }

  @PostMapping({"/inbox/bulk/completion", "/team/bulk/completion"})
  String complete(
      @RequestParam(name = "task", required = false) final List<Long> keys, @RequestParam final String outcome,
      @RequestParam(required = false) final String reason, @RequestParam(defaultValue = "/inbox") final String back,
      final Authentication user, final RedirectAttributes flash) {
    final String why = reason == null || reason.isBlank() ? null : reason;
    return each(keys, back, flash, "completed as " + outcome + (why == null ? "" : " (" + why + ")"),
        key -> {
          inbox.checkManages(key, user); // a manager's bulk action, not a way around "only the assignee"
          inbox.complete(key, outcome, why, null, user);
        });
  }

  private static String each(
      final List<Long> keys, final String back, final RedirectAttributes flash, final String what, final LongConsumer action) {
    final String page = "/team".equals(back) ? "/team" : "/inbox";
    if (keys == null || keys.isEmpty()) {
      flash.addFlashAttribute("problem", "Select the tasks first (the boxes at the start of each row).");
      return "redirect:" + page;
    }
    if (keys.size() > MOST) {
      flash.addFlashAttribute("problem", "Select at most " + MOST + " tasks at a time; " + keys.size() + " were selected.");
      return "redirect:" + page;
    }
    final List<String> refused = new ArrayList<>();
    int done = 0;
    for (final long key : keys) {
      try {
        action.accept(key);
        done++;
      } catch (final ResponseStatusException e) {
        refused.add("task " + key + ": " + e.getReason());
      }
    }
    if (done > 0) {
      flash.addFlashAttribute("done", done + " of " + keys.size() + " tasks " + what + ".");
    }
    if (!refused.isEmpty()) {
      flash.addFlashAttribute("problem", refused.size() + " not done — " + String.join("; ", refused));
    }
    return "redirect:" + page;
  }
}
