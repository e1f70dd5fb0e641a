package com.leadjourney.sla;

import com.leadjourney.definition.QualificationDecisions;
import com.leadjourney.notification.Notification;
import com.leadjourney.notification.Notifications;
import com.leadjourney.platform.AfterCommit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marketing's side of the SLA: qualified leads per segment per month against the target both
 * teams agreed. Every day the month is projected from its pace so far; the day the projection
 * falls below target, marketing is alerted, while there is still month left to act.
 */
@Service
public class MarketingPacing {

  /** One segment's pace on one day. */
  public record Pace(String segment, LocalDate day, int target, int actual, int projected, boolean shortfall, boolean alerted) {}

  private final JdbcTemplate jdbc;
  private final QualificationDecisions decisions;
  private final Notifications notifications;
  private final MeterRegistry meters;
  private final Clock clock;
  private final String alertRecipient;
  private final Map<String, AtomicLong[]> gauges = new ConcurrentHashMap<>();
  private final Duration every;
  private volatile LocalDate lastPacedDay;
  private volatile long lastPacedAt;

  MarketingPacing(
      final JdbcTemplate jdbc,
      final QualificationDecisions decisions,
      final Notifications notifications,
      final MeterRegistry meters,
      final Clock clock,
      @Value("${leadjourney.pacing.alert-recipient:marketing-lead}") final String alertRecipient,
      @Value("${leadjourney.pacing.every:PT1H}") final Duration every) {
    this.every = every;
    this.jdbc = jdbc;
    this.decisions = decisions;
    this.notifications = notifications;
    this.meters = meters;
    this.clock = clock;
    this.alertRecipient = alertRecipient;
  }

  /** Every segment's gauges exist from the start, at 0 until a commitment is set: a board shows 0, not "No data". */
  @EventListener(ApplicationReadyEvent.class)
  void exportFromZero() {
    QualificationDecisions.SEGMENTS.forEach(this::gaugesOf);
  }

  /** Marketing's commitment: MQLs for a segment in a month. */
  public void setTarget(final String segment, final YearMonth month, final int target) {
    jdbc.update(
        "insert into marketing_target (segment, month, target) values (?, ?, ?) on duplicate key update target = values(target)",
        segment, month.toString(), target);
  }

  /** The pace of each day of the month so far, per segment. */
  public List<Map<String, Object>> daysOf(final YearMonth month) {
    return jdbc.queryForList(
        "select segment, day, target, actual, projected, shortfall from marketing_pacing where day >= ? and day <= ? order by segment, day",
        Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()));
  }

  /**
   * The month's latest pace per segment as last computed (hourly), without recomputing: reading a
   * page must not be what sends a shortfall alert.
   */
  public List<Pace> latest(final YearMonth month) {
    return jdbc.query(
        """
        select p.segment, p.day, p.target, p.actual, p.projected, p.shortfall from marketing_pacing p
        where p.day = (select max(q.day) from marketing_pacing q where q.segment = p.segment and q.day >= ? and q.day <= ?)
        order by p.segment""",
        (row, i) -> new Pace(row.getString(1), row.getDate(2).toLocalDate(), row.getInt(3), row.getInt(4), row.getInt(5), row.getBoolean(6), false),
        Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()));
  }

  /**
   * Today's pace: the metrics follow the database on a schedule, not per scrape. Checked every
   * minute against the app's clock (which the demo and tests move), paced when its day changed or
   * {@code leadjourney.pacing.every} passed since the last pacing — so a moved clock never leaves
   * the gauges on a month that is over.
   */
  @Scheduled(initialDelayString = "PT5S", fixedDelayString = "PT1M")
  void paceToday() {
    final LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    final long now = System.nanoTime();
    if (today.equals(lastPacedDay) && now - lastPacedAt < every.toNanos()) {
      return;
    }
    final List<Pace> paced = pace(today);
    final var withTarget = paced.stream().map(Pace::segment).toList();
    gauges.forEach((segment, values) -> {
      if (!withTarget.contains(segment)) { // no commitment this month: nothing to show against
        for (final AtomicLong value : values) {
          value.set(0);
        }
      }
    });
    lastPacedDay = today;
    lastPacedAt = now;
  }

  /** Projects every segment with a target in the day's month; alerts on the day a projection first falls short. */
  @Transactional
  public List<Pace> pace(final LocalDate day) {
    final YearMonth month = YearMonth.from(day);
    final var targets =
        jdbc.query("select segment, target from marketing_target where month = ? order by segment", (row, i) -> Map.entry(row.getString(1), row.getInt(2)),
            month.toString());
    return targets.stream().map(t -> pace(day, month, t.getKey(), t.getValue())).toList();
  }

  private Pace pace(final LocalDate day, final YearMonth month, final String segment, final int target) {
    final int actual = decisions
        .mqlsBySegment(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
        .getOrDefault(segment, 0);
    final int projected = (int) Math.round(actual / (double) day.getDayOfMonth() * month.lengthOfMonth());
    final boolean shortfall = projected < target;
    final boolean shortBefore =
        jdbc.queryForList("select shortfall from marketing_pacing where segment = ? and day = ?", Boolean.class, segment, Date.valueOf(day.minusDays(1)))
            .contains(Boolean.TRUE);
    jdbc.update(
        """
        insert into marketing_pacing (segment, day, target, actual, projected, shortfall) values (?, ?, ?, ?, ?, ?)
        on duplicate key update target = values(target), actual = values(actual), projected = values(projected), shortfall = values(shortfall)""",
        segment, Date.valueOf(day), target, actual, projected, shortfall);
    final boolean alerted =
        shortfall && !shortBefore
            && notifications.notify(
                new Notification(
                    alertRecipient, "pacing-shortfall", null,
                    "Pacing: " + segment + " is projected at " + projected + " of " + target + " qualified leads in " + month,
                    actual + " so far after " + day.getDayOfMonth() + " of " + month.lengthOfMonth() + " days; "
                        + (target - actual) + " more are needed by month end"),
                "pacing:" + segment + ":" + day);
    if (alerted) {
      AfterCommit.run(() -> meters.counter("leadjourney.marketing.shortfall.alerts", "segment", segment).increment());
    }
    if (month.equals(YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)))) {
      final var values = gaugesOf(segment);
      values[0].set(target);
      values[1].set(actual);
      values[2].set(projected);
    }
    return new Pace(segment, day, target, actual, projected, shortfall, alerted);
  }

  /** leadjourney_marketing_mqls{segment, measure=target|actual|projected} for the current month. */
  private AtomicLong[] gaugesOf(final String segment) {
    return gauges.computeIfAbsent(
        segment,
        s -> {
          final AtomicLong[] values = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
          final String[] measures = {"target", "actual", "projected"};
          for (int i = 0; i < 3; i++) {
            Gauge.builder("leadjourney.marketing.mqls", values[i], AtomicLong::get)
                .description("Qualified leads this month against marketing's target")
                .tags("segment", s, "measure", measures[i])
                .register(meters);
          }
          return values;
        });
  }
}
