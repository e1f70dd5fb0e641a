package com.leadjourney.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: each new event becomes one delivery per subscription that wants its type;
 * deliveries go out oldest first, and a lead's later event waits while an earlier one of the same
 * lead is not through (in order per lead). A failure is tried again with exponential backoff; after
 * a day of failures the delivery is dead-lettered (listed, redeliverable by hand) and the lead's
 * next events go on. At least once: a receiver dedupes on the event id.
 */
@Component
class EventRelay {

  private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);
  private static final int BATCH = 200;

  private final JdbcTemplate jdbc;
  private final EventSubscriptions subscriptions;
  private final EventSender sender;
  private final MeterRegistry meters;
  private final Clock wallClock = Clock.systemUTC(); // retries wait real time, whatever the engine's clock says
  private final Duration retryBase;
  private final Duration retryMax;
  private final Duration deadAfter;

  EventRelay(
      final JdbcTemplate jdbc, final EventSubscriptions subscriptions, final EventSender sender, final MeterRegistry meters,
      @Value("${leadjourney.events.retry-base:1s}") final Duration retryBase,
      @Value("${leadjourney.events.retry-max:1h}") final Duration retryMax,
      @Value("${leadjourney.events.dead-after:1d}") final Duration deadAfter) {
    this.jdbc = jdbc;
    this.subscriptions = subscriptions;
    this.sender = sender;
    this.meters = meters;
    this.retryBase = retryBase;
    this.retryMax = retryMax;
    this.deadAfter = deadAfter;
    Gauge.builder("leadjourney.events.lag", this, EventRelay::lagSeconds).baseUnit("seconds")
        .description("Age of the oldest event not yet delivered to a subscription").register(meters);
  }

  @Scheduled(fixedDelayString = "${leadjourney.events.poll-interval:500ms}")
  void relay() {
    try {
      fanOut();
      for (final var subscription : subscriptions.signing()) {
        deliver(subscription);
      }
    } catch (final DataAccessException e) {
      LOG.warn("Event relay cannot reach the database; it tries again: {}", e.getMessage());
    }
  }

  /** New outbox rows become deliveries, in the outbox's order. */
  private void fanOut() {
    final var fresh = jdbc.queryForList("select id, lead_id, type from event_outbox where fanned_out = false order by id limit ?", BATCH);
    if (fresh.isEmpty()) {
      return;
    }
    final var all = subscriptions.all();
    final Timestamp now = Timestamp.from(wallClock.instant());
    for (final Map<String, Object> event : fresh) {
      for (final var subscription : all) {
        if (subscription.wants((String) event.get("type"))) {
          jdbc.update(
              """
              insert into event_delivery (subscription, outbox_id, lead_id, state, next_attempt_at, created_at) values (?, ?, ?, 'pending', ?, ?)
              on duplicate key update id = id""",
              subscription.name(), event.get("id"), event.get("lead_id"), now, now);
        }
      }
      jdbc.update("update event_outbox set fanned_out = true where id = ?", event.get("id"));
    }
  }

  private void deliver(final EventSubscriptions.Signing subscription) {
    final String name = subscription.subscription().name();
    final List<Map<String, Object>> pending = jdbc.queryForList(
        """
        select d.id, d.lead_id, d.attempts, d.next_attempt_at, d.first_failed_at, o.event_id, o.type, o.occurred_at, o.data
        from event_delivery d join event_outbox o on o.id = d.outbox_id
        where d.subscription = ? and d.state = 'pending' order by d.id limit ?""",
        name, BATCH);
    final Set<String> waiting = new HashSet<>(); // leads with an earlier event not through: their later ones wait
    final Instant now = wallClock.instant();
    for (final Map<String, Object> delivery : pending) {
      final String lead = (String) delivery.get("lead_id");
      if (waiting.contains(lead) || ((Timestamp) delivery.get("next_attempt_at")).toInstant().isAfter(now)) {
        waiting.add(lead);
        continue;
      }
      final var outcome = sender.send(subscription, delivery);
      if (outcome.delivered()) {
        jdbc.update("update event_delivery set state = 'delivered', attempts = attempts + 1, last_status = ?, last_error = null, delivered_at = ? where id = ?",
            outcome.status(), Timestamp.from(now), delivery.get("id"));
        meters.counter("leadjourney.events.delivered", "subscription", name).increment();
      } else {
        failed(name, delivery, outcome, now);
        waiting.add(lead);
      }
    }
  }

  private void failed(final String name, final Map<String, Object> delivery, final EventSender.Outcome outcome, final Instant now) {
    final int attempts = ((Number) delivery.get("attempts")).intValue() + 1;
    final Instant firstFailed = delivery.get("first_failed_at") == null ? now : ((Timestamp) delivery.get("first_failed_at")).toInstant();
    final boolean dead = !firstFailed.plus(deadAfter).isAfter(now);
    final Duration wait = backoff(attempts);
    jdbc.update(
        "update event_delivery set state = ?, attempts = ?, next_attempt_at = ?, first_failed_at = ?, last_status = ?, last_error = ? where id = ?",
        dead ? "dead" : "pending", attempts, Timestamp.from(now.plus(wait)), Timestamp.from(firstFailed), outcome.status(),
        outcome.error(), delivery.get("id"));
    meters.counter("leadjourney.events.failed", "subscription", name).increment();
    if (dead) {
      LOG.warn("Event delivery {} to {} dead-lettered after {} attempts: {}", delivery.get("id"), name, attempts, outcome.error());
    }
  }

  /** 1 s, 2 s, 4 s, … up to the cap (an hour by default). */
  private Duration backoff(final int attempts) {
    final long factor = 1L << Math.min(attempts - 1, 30);
    final Duration wait = retryBase.multipliedBy(factor);
    return wait.compareTo(retryMax) > 0 || wait.isNegative() ? retryMax : wait;
  }

  private double lagSeconds() {
    try {
      final Timestamp oldest = jdbc.queryForObject(
          "select min(o.occurred_at) from event_delivery d join event_outbox o on o.id = d.outbox_id where d.state = 'pending'", Timestamp.class);
      return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), wallClock.instant()).toMillis() / 1e3);
    } catch (final DataAccessException e) {
      return Double.NaN;
    }
  }
}
