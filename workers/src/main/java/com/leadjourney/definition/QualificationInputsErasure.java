package com.leadjourney.definition;

import com.leadjourney.database.ScrubbedText;
import com.leadjourney.platform.ErasedPerson;
import com.leadjourney.platform.ErasesPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inputs a qualification decided on, for an erased contact: custom fields may hold anything
 * about the person and go; the profile codes (industry, seniority, …) stay, so replays and
 * suggestions still count the decision.
 */
@Component
class QualificationInputsErasure implements ErasesPersonalData {

  private final JdbcTemplate jdbc;

  QualificationInputsErasure(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void erase(final ErasedPerson person) {
    jdbc.update("update qualification_decision set inputs = json_remove(inputs, '$.customFields') where lead_id = ? and json_valid(inputs)",
        person.leadId());
    ScrubbedText.ofLead(jdbc, "qualification_decision", "id", "inputs", "lead_id", person);
    ScrubbedText.ofLead(jdbc, "qualification_decision", "id", "matched_rules", "lead_id", person);
  }
}
