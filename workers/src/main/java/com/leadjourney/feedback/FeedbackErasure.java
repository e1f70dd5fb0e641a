package com.leadjourney.feedback;

import com.leadjourney.database.ScrubbedText;
import com.leadjourney.platform.ErasedPerson;
import com.leadjourney.platform.ErasesPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Feedback of an erased contact stays counted (reason, campaign, version); the person is scrubbed from its objections. */
@Component
class FeedbackErasure implements ErasesPersonalData {

  private final JdbcTemplate jdbc;

  FeedbackErasure(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void erase(final ErasedPerson person) {
    ScrubbedText.ofLead(jdbc, "feedback", "id", "objections", "lead_id", person);
  }
}
