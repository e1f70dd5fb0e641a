package com.leadjourney.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox of outbound journey events: a row written in the caller's transaction, so there is
 * no event without its change and no change without its event. The relay delivers it later.
 */
@Component
public class OutboundEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;

  OutboundEvents(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(final String leadId, final String type, final Instant occurredAt, final Map<String, Object> data) {
    try {
      jdbc.update("insert into event_outbox (event_id, lead_id, type, occurred_at, data) values (?, ?, ?, ?, ?)",
          UUID.randomUUID().toString(), leadId, type, Timestamp.from(occurredAt), JSON.writeValueAsString(data));
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the event's data", e);
    }
  }
}
