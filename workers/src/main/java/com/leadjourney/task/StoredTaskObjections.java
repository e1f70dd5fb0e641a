package com.leadjourney.task;

import com.leadjourney.feedback.TaskObjections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Objections of the stage's latest task (the one just completed: a next visit's task opens only
 * after its feedback), stored before the engine heard of the completion.
 */
@Component
class StoredTaskObjections implements TaskObjections {

  private final JdbcTemplate jdbc;

  StoredTaskObjections(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String lastOf(final String leadId, final String stage) {
    final List<String> latest = jdbc.queryForList(
        "select objections from human_task where lead_id = ? and process_id = ? order by created_at desc, user_task_key desc limit 1", String.class, leadId, stage);
    return latest.isEmpty() ? null : latest.get(0); // often null: not findFirst()
  }
}
