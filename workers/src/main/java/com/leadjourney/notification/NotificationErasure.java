package com.leadjourney.notification;

import com.leadjourney.database.ScrubbedText;
import com.leadjourney.platform.ErasedPerson;
import com.leadjourney.platform.ErasesPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Notifications about an erased contact, and digests that name it among others, keep their text without the person. */
@Component
class NotificationErasure implements ErasesPersonalData {

  private final JdbcTemplate jdbc;

  NotificationErasure(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void erase(final ErasedPerson person) {
    ScrubbedText.mentioning(jdbc, "notification", "id", "subject", person);
    ScrubbedText.mentioning(jdbc, "notification", "id", "body", person);
  }
}
