package com.leadjourney.task;

import com.leadjourney.database.ScrubbedText;
import com.leadjourney.platform.ErasedPerson;
import com.leadjourney.platform.ErasesPersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tasks and touches of an erased contact: touch notes are about the person and go; objections keep
 * their words (they are counted) with the person scrubbed out; open tasks close as canceled (the
 * journey is canceled with them).
 */
@Component
class TaskNotesErasure implements ErasesPersonalData {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  TaskNotesErasure(final JdbcTemplate jdbc, final Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void erase(final ErasedPerson person) {
    jdbc.update("update touch set note = null where lead_id = ?", person.leadId());
    ScrubbedText.ofLead(jdbc, "human_task", "user_task_key", "objections", "lead_id", person);
    jdbc.update("update human_task set state = 'CANCELED', closed_at = ? where lead_id = ? and state = 'OPEN'",
        Timestamp.from(clock.instant()), person.leadId());
  }
}
