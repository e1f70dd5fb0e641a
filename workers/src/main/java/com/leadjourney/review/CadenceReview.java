package com.leadjourney.review;

import com.leadjourney.platform.ReviewPeriod;
import com.leadjourney.review.Indicators.Breakdown;
import com.leadjourney.review.Indicators.Indicator;
import com.leadjourney.review.Indicators.Point;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cadence review pack: for a week (leading indicators), month (conversion and commitments)
 * or quarter (pipeline $, revenue and return by program), every measure of the catalogue that
 * cadence reviews against its target, the period before and its last six periods, plus
 * breakdowns and a link to the matching Grafana board.
 */
@Service
public class CadenceReview {

  /** Periods each indicator's trend shows, the reviewed one last. */
  static final int TREND = 6;

  /** Which measures of the catalogue each cadence reviews, in the order the pack shows them. */
  static final Map<ReviewPeriod.Cadence, List<String>> REVIEWED = Map.of(
      ReviewPeriod.Cadence.WEEKLY, List.of(
          "new-leads", "mqls", "mqls-of-commitment", "first-touch-in-sla", "speed-to-lead-median", "sla-escalations", "open-tasks-overdue",
          "oldest-open-task", "sqls"),
      ReviewPeriod.Cadence.MONTHLY, List.of(
          "new-leads", "mqls", "mqls-of-commitment", "sqls", "mql-to-sql", "acceptance-rate", "first-touch-in-sla", "sla-escalations",
          "pipeline-cosigned", "win-rate", "pipeline-coverage", "revenue-per-dollar", "speed-to-lead-median"),
      ReviewPeriod.Cadence.QUARTERLY, List.of(
          "revenue-won", "win-rate", "deals-won", "deal-size", "cycle-length", "opportunities-opened", "pipeline-cosigned", "pipeline-opened",
          "pipeline-coverage", "revenue-per-dollar", "mqls", "mqls-of-commitment", "mql-to-sql", "acceptance-rate"));

  /**
   * A whole review; {@code lastDay} is inclusive, for people; {@code soFar} when the period has
   * not ended; {@code smallSamples} name the rates resting on too few decisions to judge.
   */
  public record Review(
      String cadence, String period, LocalDate firstDay, LocalDate lastDay, boolean soFar, String previousPeriod, String board,
      List<Indicator> indicators, List<Breakdown> breakdowns, String biggestLeak, List<String> smallSamples) {}

  private final MeasureCatalogue catalogue;
  private final ReviewBreakdowns breakdowns;
  private final String grafanaUrl;

  CadenceReview(final MeasureCatalogue catalogue, final ReviewBreakdowns breakdowns, @Value("${leadjourney.grafana.url:}") final String grafanaUrl) {
    this.catalogue = catalogue;
    this.breakdowns = breakdowns;
    this.grafanaUrl = grafanaUrl;
  }

  @Transactional(readOnly = true)
  public Review of(final ReviewPeriod period, final LocalDate today) {
    final List<Measure.At> trend = new ArrayList<>();
    for (ReviewPeriod p = period; trend.size() < TREND; p = p.previous()) {
      trend.add(0, new Measure.At(p));
    }
    final Measure.At now = trend.get(TREND - 1);
    final List<Indicator> indicators = REVIEWED.get(period.cadence()).stream()
        .map(catalogue::get)
        .map(m -> {
          // The trend's last two points are the period and the one before: each value is taken once.
          final List<Point> points = trend.stream().map(at -> new Point(at.period().label(), m.value().apply(at), m.target().apply(at))).toList();
          final Point current = points.get(TREND - 1);
          return Indicators.indicator(m, current.value(), points.get(TREND - 2).value(), current.target(),
              m.sample() == null ? null : m.sample().size().apply(now), points);
        })
        .toList();
    final List<Breakdown> shown = breakdowns.of(now, trend.get(TREND - 2));
    final Map<String, BigDecimal> conversions = new LinkedHashMap<>();
    shown.stream().filter(b -> b.key().equals("funnel-conversion")).flatMap(b -> b.rows().stream())
        .filter(r -> r.value() != null).forEach(r -> conversions.put(r.label(), r.value()));
    return new Review(
        period.cadence().id(), period.label(), period.from(), period.to().minusDays(1), !today.isBefore(period.from()) && today.isBefore(period.to()),
        period.previous().label(),
        grafanaUrl.isBlank() ? null // no Grafana configured: no link to nowhere
            : grafanaUrl + "/d/" + period.cadence().board() + "?from=" + period.start().toEpochMilli() + "&to=" + period.end().toEpochMilli(),
        indicators, shown, FunnelFacts.biggestLeak(conversions),
        indicators.stream().filter(i -> i.sample() != null).map(i -> i.name() + ": " + i.sample()).toList());
  }

  static BigDecimal median(final List<Duration> durations) {
    if (durations.isEmpty()) {
      return null;
    }
    final List<Duration> sorted = durations.stream().sorted().toList();
    final int middle = sorted.size() / 2;
    final long millis =
        sorted.size() % 2 == 1 ? sorted.get(middle).toMillis() : (sorted.get(middle - 1).toMillis() + sorted.get(middle).toMillis()) / 2;
    return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
  }

  static BigDecimal hours(final Duration duration) {
    return BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
  }
}
