package com.leadjourney.task;

import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Timeline;
import com.leadjourney.sla.FirstTouchClock;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Touches the owner logs on a task's lead; the first one on an XDR task stops the SLA clock. */
@Service
class TaskTouches {

  static final List<String> KINDS = List.of("call", "email", "meeting", "social", "note");

  private final HumanTaskRepository tasks;
  private final TaskInbox inbox;
  private final JdbcTemplate jdbc;
  private final Timeline timeline;
  private final FirstTouchClock firstTouchClock;
  private final Clock clock;

  TaskTouches(
      final HumanTaskRepository tasks,
      final TaskInbox inbox,
      final JdbcTemplate jdbc,
      final Timeline timeline,
      final FirstTouchClock firstTouchClock,
      final Clock clock) {
    this.tasks = tasks;
    this.inbox = inbox;
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.firstTouchClock = firstTouchClock;
    this.clock = clock;
  }

  @Transactional
  HumanTask log(final long userTaskKey, final String kind, final String note, final Authentication person) {
    final HumanTask task = inbox.workableTask(userTaskKey, person);
    final String user = person.getName();
    if (!KINDS.contains(kind)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "kind must be one of " + KINDS);
    }
    if (note != null && note.length() > 1000) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "note may hold at most 1000 characters");
    }
    final Instant now = clock.instant();
    final var id = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          final var insert =
              connection.prepareStatement(
                  "insert into touch (lead_id, user_task_key, kind, note, logged_by, occurred_at) values (?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          insert.setString(1, task.getLeadId());
          insert.setLong(2, userTaskKey);
          insert.setString(3, kind);
          insert.setString(4, note);
          insert.setString(5, user);
          insert.setTimestamp(6, Timestamp.from(now));
          return insert;
        },
        id);
    timeline.recordAt(task.getLeadId(), JourneyEvent.Type.TOUCH_LOGGED, task.getProcessId(), task.getElementId(), kind + " by " + user + (note == null ? "" : ": " + note), "touch:" + id.getKey());
    if (task.getFirstTouchAt() == null && inbox.outcomesOf(task).firstTouchClock()) {
      task.touched(now);
      inbox.changed();
      firstTouchClock.stopped(task.getLeadId(), userTaskKey, task.getProcessId(), task.getDueAt(), now, task.getAssignee());
    }
    return tasks.save(task);
  }

  /** Every touch on the lead, newest first, with its note: what the next person reads before calling. */
  List<ContactCard.Touch> ofLead(final String leadId) {
    return jdbc.query(
        "select kind, note, logged_by, occurred_at from touch where lead_id = ? order by occurred_at desc, id desc",
        (row, i) -> new ContactCard.Touch(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant()),
        leadId);
  }
}
