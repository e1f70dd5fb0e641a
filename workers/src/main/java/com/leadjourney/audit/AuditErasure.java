package com.leadjourney.audit;

import com.leadjourney.database.ScrubbedText;
import com.leadjourney.platform.ErasedPerson;
import com.leadjourney.platform.ErasesPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail of an erased contact keeps who changed what and when; the person is scrubbed from
 * the states recorded before and after. The erasure itself is audited without any state.
 */
@Component
class AuditErasure implements ErasesPersonalData {

  private final JdbcTemplate jdbc;

  AuditErasure(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void erase(final ErasedPerson person) {
    ScrubbedText.mentioning(jdbc, "audit_event", "id", "before_state", person);
    ScrubbedText.mentioning(jdbc, "audit_event", "id", "after_state", person);
  }
}
