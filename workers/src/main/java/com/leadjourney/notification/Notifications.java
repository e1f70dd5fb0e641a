package com.leadjourney.notification;

import com.leadjourney.platform.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One way to tell a person something: written to their in-app inbox in the caller's transaction
 * (once per dedupe key), then sent through every configured outbound channel after commit.
 */
@Service
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final JdbcTemplate jdbc;
  private final List<OutboundChannel> channels;
  private final MeterRegistry meters;
  private final Clock clock;

  Notifications(final JdbcTemplate jdbc, final List<OutboundChannel> channels, final MeterRegistry meters, final Clock clock) {
    this.jdbc = jdbc;
    this.channels = channels;
    this.meters = meters;
    this.clock = clock;
  }

  /** True when new; a redelivered job notifies nobody twice. */
  @Transactional
  public boolean notify(final Notification notification, final String dedupeKey) {
    final int inserted =
        jdbc.update(
            """
            insert ignore into notification (recipient, kind, lead_id, subject, body, created_at, dedupe_key)
            values (?, ?, ?, ?, ?, ?, ?)""",
            notification.recipient(), notification.kind(), notification.leadId(), notification.subject(), notification.body(),
            Timestamp.from(clock.instant()), dedupeKey);
    if (inserted == 1) {
      AfterCommit.run(() -> channels.forEach(channel -> send(channel, notification)));
    }
    return inserted == 1;
  }

  private void send(final OutboundChannel channel, final Notification notification) {
    try {
      channel.send(notification);
      meters.counter("leadjourney.notifications.sent", "channel", channel.name(), "kind", notification.kind()).increment();
    } catch (final RuntimeException e) {
      LOG.warn("{} notification to {} not delivered by {}: {}", notification.kind(), notification.recipient(), channel.name(), e.getMessage());
      meters.counter("leadjourney.notifications.failed", "channel", channel.name(), "kind", notification.kind()).increment();
    }
  }
}
