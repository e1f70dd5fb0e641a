package com.leadjourney.notification;

import com.leadjourney.database.InsertOnce;
import com.leadjourney.platform.AfterCommit;
import com.leadjourney.platform.LiveUpdates;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One way to tell a person something: written to their in-app inbox in the caller's transaction
 * (once per dedupe key), then, after commit, queued to be sent through every configured outbound
 * channel on the delivery threads ({@link OutboundDelivery}), never on the caller's.
 */
@Service
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final JdbcTemplate jdbc;
  private final List<OutboundChannel> channels;
  private final MeterRegistry meters;
  private final Clock clock;
  private final LiveUpdates live;
  private final OutboundDelivery delivery;

  Notifications(
      final JdbcTemplate jdbc,
      final List<OutboundChannel> channels,
      final MeterRegistry meters,
      final Clock clock,
      final LiveUpdates live,
      final OutboundDelivery delivery) {
    this.live = live;
    this.delivery = delivery;
    this.jdbc = jdbc;
    this.channels = channels;
    this.meters = meters;
    this.clock = clock;
  }

  /** True when new; a redelivered job notifies nobody twice. */
  @Transactional
  public boolean notify(final Notification notification, final String dedupeKey) {
    final int inserted =
        InsertOnce.insert(
            jdbc, """
            insert into notification (recipient, kind, lead_id, subject, body, created_at, dedupe_key)
            values (?, ?, ?, ?, ?, ?, ?)""",
            notification.recipient(), notification.kind(), notification.leadId(), notification.subject(), notification.body(),
            Timestamp.from(clock.instant()), dedupeKey);
    if (inserted == 1) {
      AfterCommit.run(() -> {
        live.notified(notification.recipient());
        channels.forEach(channel -> queue(channel, notification));
      });
    }
    return inserted == 1;
  }

  /** A person's inbox: unread first, newest first. */
  public List<Map<String, Object>> inboxOf(final String recipient) {
    return jdbc.queryForList(
        """
        select id, recipient, kind, lead_id, subject, body, created_at, read_at from notification where recipient = ?
        order by read_at is not null, created_at desc limit 200""",
        recipient);
  }

  /** The header's badge: how many of the person's notifications are unread. */
  public int unreadCount(final String recipient) {
    return jdbc.queryForObject("select count(*) from notification where recipient = ? and read_at is null", Integer.class, recipient);
  }

  /** Marks all of the reader's notifications read; how many were unread. */
  @Transactional
  public int markAllRead(final String reader) {
    return jdbc.update("update notification set read_at = ? where recipient = ? and read_at is null", Timestamp.from(clock.instant()), reader);
  }

  /** Marks one of the reader's own notifications read; empty when they have none with that id. */
  @Transactional
  public Optional<Map<String, Object>> markRead(final long id, final String reader) {
    if (jdbc.update("update notification set read_at = coalesce(read_at, ?) where id = ? and recipient = ?", Timestamp.from(clock.instant()), id, reader) == 0) {
      return Optional.empty();
    }
    return Optional.of(jdbc.queryForMap("select id, recipient, kind, subject, read_at from notification where id = ?", id));
  }

  private void queue(final OutboundChannel channel, final Notification notification) {
    if (!delivery.submit(() -> send(channel, notification))) {
      failed(channel, notification, "not queued: too many sends waiting, or the app is stopping");
    }
  }

  private void send(final OutboundChannel channel, final Notification notification) {
    try {
      channel.send(notification);
      meters.counter("leadjourney.notifications.sent", "channel", channel.name(), "kind", notification.kind()).increment();
    } catch (final RuntimeException e) {
      failed(channel, notification, e.getMessage());
    }
  }

  private void failed(final OutboundChannel channel, final Notification notification, final String why) {
    LOG.warn("{} notification to {} not delivered by {}: {}", notification.kind(), notification.recipient(), channel.name(), why);
    meters.counter("leadjourney.notifications.failed", "channel", channel.name(), "kind", notification.kind()).increment();
  }
}
