package com.leadjourney.review;

import com.leadjourney.platform.ReviewPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Deals (opportunities) over a period: how many opened and were won, how big, how long, how old the open ones are. */
@Component
class DealFacts {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  DealFacts(final JdbcTemplate jdbc, final Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  int opened(final ReviewPeriod p) {
    return jdbc.queryForObject("select count(*) from opportunity where opened_at >= ? and opened_at < ?", Integer.class, start(p), end(p));
  }

  /** Average amount of the deals won in the period; null when none was won. */
  BigDecimal averageWon(final ReviewPeriod p) {
    final BigDecimal average = jdbc.queryForObject(
        "select avg(amount) from opportunity where stage = 'closed-won' and closed_at >= ? and closed_at < ?", BigDecimal.class, start(p), end(p));
    return average == null ? null : average.setScale(2, RoundingMode.HALF_UP);
  }

  /** Median days from opening to winning, over the deals won in the period; null when none was won. */
  BigDecimal medianDaysToWin(final ReviewPeriod p) {
    final List<Long> seconds = jdbc.queryForList(
        "select timestampdiff(second, opened_at, closed_at) from opportunity where stage = 'closed-won' and closed_at >= ? and closed_at < ? order by 1",
        Long.class, start(p), end(p));
    if (seconds.isEmpty()) {
      return null;
    }
    final int middle = seconds.size() / 2;
    final double median = seconds.size() % 2 == 1 ? seconds.get(middle) : (seconds.get(middle - 1) + seconds.get(middle)) / 2.0;
    return BigDecimal.valueOf(median / 86_400).setScale(1, RoundingMode.HALF_UP);
  }

  /** Dollars of the deals open at the period's end (now, for the current period). */
  BigDecimal openPipeline(final ReviewPeriod p) {
    final Timestamp at = asOf(p);
    return jdbc.queryForObject(
        "select coalesce(sum(amount), 0) from opportunity where opened_at < ? and (closed_at is null or closed_at >= ?)", BigDecimal.class, at, at);
  }

  /** Average days the deals open at the period's end had spent in the stage they were in. */
  Map<String, BigDecimal> daysInStage(final ReviewPeriod p) {
    final Timestamp at = asOf(p);
    final Map<String, BigDecimal> byStage = new TreeMap<>();
    jdbc.query(
        """
        select o.stage, avg(timestampdiff(second, coalesce((select max(u.applied_at) from opportunity_update u
            where u.opportunity_id = o.id and u.stage = o.stage and u.applied_at < ?), o.opened_at), ?)) / 86400
        from opportunity o where o.opened_at < ? and (o.closed_at is null or o.closed_at >= ?) group by o.stage""",
        row -> {
          byStage.put(row.getString(1), row.getBigDecimal(2).setScale(1, RoundingMode.HALF_UP));
        },
        at, at, at, at);
    return byStage;
  }

  private Timestamp asOf(final ReviewPeriod p) {
    final Instant now = clock.instant();
    return Timestamp.from(p.end().isAfter(now) ? now : p.end());
  }

  private static Timestamp start(final ReviewPeriod p) {
    return Timestamp.from(p.start());
  }

  private static Timestamp end(final ReviewPeriod p) {
    return Timestamp.from(p.end());
  }
}
