package com.leadjourney.contactintake;

import com.leadjourney.platform.ErasedPerson;
import com.leadjourney.platform.ErasesPersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A contact erased before its journey started: the start waiting in the outbox is settled, so no
 * journey begins for it afterwards. (A dispatch under way holds the entry's lock: this waits for it,
 * and the erasure then cancels the journey it started.)
 */
@Component
class JourneyStartErasure implements ErasesPersonalData {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  JourneyStartErasure(final JdbcTemplate jdbc, final Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void erase(final ErasedPerson person) {
    jdbc.update("update journey_outbox set dispatched_at = ?, last_error = 'erased before its journey started' where lead_id = ? and dispatched_at is null",
        Timestamp.from(clock.instant()), person.leadId());
  }
}
