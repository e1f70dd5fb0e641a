package com.leadjourney.task;

import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import com.leadjourney.platform.LiveUpdates;
import com.leadjourney.sla.FirstTouchClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The touch table: what people did to reach a lead, with their notes. The first touch on a task with
 * a first-touch clock stops it (SLA met or how late, speed-to-lead), credited to the task's assignee.
 */
@Service
class TouchLog {

  private final HumanTaskRepository tasks;
  private final JdbcTemplate jdbc;
  private final Timeline timeline;
  private final FirstTouchClock firstTouchClock;
  private final LiveUpdates live;

  TouchLog(
      final HumanTaskRepository tasks, final JdbcTemplate jdbc, final Timeline timeline, final FirstTouchClock firstTouchClock,
      final LiveUpdates live) {
    this.tasks = tasks;
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.firstTouchClock = firstTouchClock;
    this.live = live;
  }

  /**
   * Records a touch {@code user} made on the task's lead; checks are the caller's.
   *
   * @param outcomes the task's stage's: whether its first touch stops a clock
   */
  @Transactional
  HumanTask record(final HumanTask task, final TaskOutcomes outcomes, final String kind, final String note, final String user, final Instant at) {
    final var id = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          final var insert = connection.prepareStatement(
              "insert into touch (lead_id, user_task_key, kind, note, logged_by, occurred_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
          insert.setString(1, task.getLeadId());
          insert.setLong(2, task.getUserTaskKey());
          insert.setString(3, kind);
          insert.setString(4, note);
          insert.setString(5, user);
          insert.setTimestamp(6, Timestamp.from(at));
          return insert;
        },
        id);
    timeline.recordAt(task.getLeadId(), JourneyEvent.Type.TOUCH_LOGGED, task.getProcessId(), task.getElementId(),
        kind + " by " + user + (note == null ? "" : ": " + note), "touch:" + id.getKey());
    if (task.getFirstTouchAt() == null && outcomes.firstTouchClock()) {
      task.touched(at);
      AfterCommit.run(live::tasksChanged);
      firstTouchClock.stopped(task.getLeadId(), task.getUserTaskKey(), task.getProcessId(), task.getDueAt(), at, task.getAssignee());
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
