package com.leadjourney.notification;

import java.security.Principal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The in-app inbox of notifications. */
@RestController
class NotificationController {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  NotificationController(final JdbcTemplate jdbc, final Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Unread first, newest first; {@code recipient} defaults to the signed-in user. */
  @GetMapping("/api/notifications")
  List<Map<String, Object>> inbox(@RequestParam(required = false) final String recipient, final Principal user) {
    return jdbc.queryForList(
        """
        select id, recipient, kind, lead_id, subject, body, created_at, read_at from notification where recipient = ?
        order by read_at is not null, created_at desc limit 200""",
        recipient != null ? recipient : user.getName());
  }

  @PostMapping("/api/notifications/{id}/read")
  Map<String, Object> read(@PathVariable final long id) {
    if (jdbc.update("update notification set read_at = coalesce(read_at, ?) where id = ?", Timestamp.from(clock.instant()), id) == 0) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No notification " + id);
    }
    return jdbc.queryForMap("select id, recipient, kind, subject, read_at from notification where id = ?", id);
  }
}
