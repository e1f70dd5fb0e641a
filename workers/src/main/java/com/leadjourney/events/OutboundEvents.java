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
 * no event without its change and no change without its event (while anyone subscribes: a
 * subscription receives what happens from its creation on). The relay delivers it later.
 */
@Component
public class OutboundEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final long SUBSCRIBERS_READ_EVERY = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

  private final JdbcTemplate jdbc;
  // Only the JDBC template: this runs inside JPA's listener, which must not pull in beans that need JPA.
  private volatile boolean subscribers;
  private volatile long subscribersReadAt = System.nanoTime() - SUBSCRIBERS_READ_EVERY - 1;

  OutboundEvents(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A subscription was made here: events are written from now on. */
  void subscribed() {
    subscribers = true;
  }

  /**
   * Whether anyone subscribes: with nobody listening, the timeline's hot path writes no outbox rows.
   * Read again at most every 10 s (a subscription made on another instance is seen that late).
   */
  private boolean anyoneListens() {
    final long now = System.nanoTime();
    if (now - subscribersReadAt > SUBSCRIBERS_READ_EVERY) {
      subscribers = jdbc.queryForObject("select count(*) from event_subscription", Integer.class) > 0;
      subscribersReadAt = now;
    }
    return subscribers;
  }

  public void record(final String leadId, final String type, final Instant occurredAt, final Map<String, Object> data) {
    if (!anyoneListens()) {
      return; // nobody listens: no row for every timeline line of every lead
    }
    try {
      jdbc.update("insert into event_outbox (event_id, lead_id, type, occurred_at, data) values (?, ?, ?, ?, ?)",
          UUID.randomUUID().toString(), leadId, type, Timestamp.from(occurredAt), JSON.writeValueAsString(data));
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the event's data", e);
    }
  }
}
