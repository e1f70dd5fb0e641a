package com.leadjourney.notification;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The in-app inbox of notifications: everyone reads their own; a manager also reads the inboxes of
 * their teams' members (what they were told about their leads), an admin anyone's. Only the
 * recipient marks a notification read.
 */
@RestController
class NotificationController {

  private final Notifications notifications;
  private final Supervision supervision;

  NotificationController(final Notifications notifications, final Supervision supervision) {
    this.notifications = notifications;
    this.supervision = supervision;
  }

  /** Unread first, newest first; {@code recipient} defaults to the signed-in user. */
  @GetMapping("/api/notifications")
  List<Map<String, Object>> inbox(@RequestParam(required = false) final String recipient, final Authentication user) {
    final String whose = recipient == null ? user.getName() : recipient;
    if (!whose.equals(user.getName()) && !AuthorityUtils.authorityListToSet(user.getAuthorities()).contains("ROLE_ADMIN") && !supervision.supervises(user.getName(), whose)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You read your own notifications, and a manager those of their teams' members; "
          + whose + " is not in a team you manage");
    }
    return notifications.inboxOf(whose);
  }

  @PostMapping("/api/notifications/{id}/read")
  Map<String, Object> read(@PathVariable final long id, final Authentication user) {
    return notifications.markRead(id, user.getName())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no notification " + id));
  }
}
