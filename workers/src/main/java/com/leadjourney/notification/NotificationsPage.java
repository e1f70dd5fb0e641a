package com.leadjourney.notification;

import com.leadjourney.platform.PageActions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the signed-in person was told (SLA reminders, escalations, routing alerts), unread first; the header's badge counts the unread. */
@Controller
class NotificationsPage {

  private final Notifications notifications;

  NotificationsPage(final Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/notifications")
  String list(final Authentication user, final Model model) {
    model.addAttribute("notifications", notifications.inboxOf(user.getName()));
    return "notifications";
  }

  @PostMapping("/notifications/{id}/read")
  String read(@PathVariable final long id, final Authentication user, final RedirectAttributes flash) {
    return PageActions.act(flash, "/notifications", () -> notifications.markRead(id, user.getName())
        .map(n -> "Marked read.")
        .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "You have no notification " + id)));
  }

  @PostMapping("/notifications/read")
  String readAll(final Authentication user, final RedirectAttributes flash) {
    return PageActions.act(flash, "/notifications", () -> notifications.markAllRead(user.getName()) + " marked read.");
  }
}
