package com.leadjourney.events;

import com.leadjourney.database.ScrubbedText;
import com.leadjourney.platform.ErasedPerson;
import com.leadjourney.platform.ErasesPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An erased contact's outbound events: their payloads (delivered or still waiting) are scrubbed, so
 * nothing undelivered carries the person and a redelivery sends the scrubbed text. The {@code
 * lead.erased} event that follows tells subscribers to erase on their side.
 */
@Component
class EventPayloadErasure implements ErasesPersonalData {

  private final JdbcTemplate jdbc;

  EventPayloadErasure(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void erase(final ErasedPerson person) {
    ScrubbedText.ofLead(jdbc, "event_outbox", "id", "data", "lead_id", person);
  }
}
