package com.leadjourney.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** A subscription's delivery log, newest first, and sending one again by hand. */
@Service
class EventDeliveries {

  /** One delivery as the log shows it. */
  record Delivery(
      long id, String eventId, String type, String leadId, String state, int attempts, Integer lastStatus, String lastError, Instant occurredAt,
      Instant nextAttemptAt, Instant deliveredAt) {}

  private final JdbcTemplate jdbc;
  private final Clock wallClock = Clock.systemUTC();

  EventDeliveries(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Delivery> of(final String subscription, final String state, final int limit) {
    return jdbc.query(
        """
        select d.id, o.event_id, o.type, d.lead_id, d.state, d.attempts, d.last_status, d.last_error, o.occurred_at, d.next_attempt_at, d.delivered_at
        from event_delivery d join event_outbox o on o.id = d.outbox_id
        where d.subscription = ? and (? is null or d.state = ?) order by d.id desc limit ?""",
        (row, i) -> new Delivery(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getInt(6),
            (Integer) row.getObject(7), row.getString(8), row.getTimestamp(9).toInstant(), row.getTimestamp(10).toInstant(),
            row.getTimestamp(11) == null ? null : row.getTimestamp(11).toInstant()),
        subscription, state, state, limit);
  }

  /** Sends the delivery again at the next relay pass (a dead one too, or one the receiver lost). */
  void redeliver(final String subscription, final long id) {
    final int updated = jdbc.update(
        "update event_delivery set state = 'pending', attempts = 0, first_failed_at = null, next_attempt_at = ? where id = ? and subscription = ?",
        Timestamp.from(wallClock.instant()), id, subscription);
    if (updated == 0) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No delivery " + id + " for subscription " + subscription);
    }
  }
}
