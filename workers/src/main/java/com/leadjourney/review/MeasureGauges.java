package com.leadjourney.review;

import com.leadjourney.platform.ReviewPeriod;
import com.leadjourney.platform.ReviewPeriod.Cadence;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The catalogue's measures, by calendar period, as gauges the boards read: {@code
 * leadjourney_measure{measure, name, cadence, ago, period}} for the current period so far (ago 0)
 * and the ones before (13 weeks, 12 months, 8 quarters), their targets, and the breakdowns for this
 * period and the last.
 *
 * <p>Why gauges computed from MySQL and not counters summed by Prometheus: a counter only sees what
 * happened while the app ran and Prometheus scraped, in wall-clock time, once. It cannot see an
 * amount corrected after the win, a deal closed with yesterday's date, history imported from a CRM,
 * the demo's quarter played in minutes, or a period that began before Prometheus was installed — so
 * the boards and the pack disagreed. Here both read one definition from the source of truth.
 */
@Component
class MeasureGauges {

  private static final Logger LOG = LoggerFactory.getLogger(MeasureGauges.class);
  private static final Duration SLOW = Duration.ofSeconds(1);

  /** How many periods back each cadence's trend goes, the current one included. */
  static final Map<Cadence, Integer> HISTORY = new EnumMap<>(Map.of(Cadence.WEEKLY, 13, Cadence.MONTHLY, 12, Cadence.QUARTERLY, 8));

  private final MeasureCatalogue catalogue;
  private final ReviewBreakdowns breakdowns;
  private final Clock clock;
  private final Duration historyEvery;
  private final MultiGauge values;
  private final MultiGauge targets;
  private final MultiGauge breakdownRows;
  private final Timer recentTook;
  private final Timer allTook;
  private List<MultiGauge.Row<?>> olderValues = List.of();
  private List<MultiGauge.Row<?>> olderTargets = List.of();
  private List<MultiGauge.Row<?>> olderBreakdowns = List.of();
  private final RefreshPace pace = new RefreshPace();
  private LocalDate historyDay;
  private long historyAt;

  MeasureGauges(
      final MeasureCatalogue catalogue, final ReviewBreakdowns breakdowns, final MeterRegistry meters, final Clock clock,
      @Value("${leadjourney.metrics.measure-history-every:PT1H}") final Duration historyEvery) {
    this.catalogue = catalogue;
    this.breakdowns = breakdowns;
    this.clock = clock;
    this.historyEvery = historyEvery;
    values = MultiGauge.builder("leadjourney.measure").description("A business measure over a calendar period (see METRICS.md)").register(meters);
    targets = MultiGauge.builder("leadjourney.measure.target").description("The target of a business measure for a calendar period").register(meters);
    breakdownRows = MultiGauge.builder("leadjourney.breakdown").description("One row of a review breakdown over a calendar period").register(meters);
    recentTook = refreshTimer(meters, "recent");
    allTook = refreshTimer(meters, "all");
  }

  /**
   * Every minute the current period (what changes); the periods before it hourly and whenever the
   * app's clock crossed into another day (the demo and tests move it). Last period's cohorts still
   * grow as XDRs book meetings, but slowly: an hour late is on time for a monthly review. A refresh
   * that took long puts off the next one ({@link RefreshPace}), except on a new day.
   */
  @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${leadjourney.metrics.measures-every:PT1M}")
  public synchronized void refresh() {
    final LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    final long now = System.nanoTime();
    final boolean newDay = !today.equals(historyDay);
    if (!newDay && !pace.due(now)) {
      return;
    }
    final boolean history = newDay || now - historyAt >= historyEvery.toNanos();
    final Timer.Sample sample = Timer.start();
    final List<MultiGauge.Row<?>> currentValues = new ArrayList<>();
    final List<MultiGauge.Row<?>> currentTargets = new ArrayList<>();
    final List<MultiGauge.Row<?>> currentBreakdowns = new ArrayList<>();
    final List<MultiGauge.Row<?>> historyValues = new ArrayList<>();
    final List<MultiGauge.Row<?>> historyTargets = new ArrayList<>();
    final List<MultiGauge.Row<?>> historyBreakdowns = new ArrayList<>();
    for (final Cadence cadence : Cadence.values()) {
      ReviewPeriod period = ReviewPeriod.containing(cadence, today);
      for (int ago = 0; ago < (history ? HISTORY.get(cadence) : 1); ago++, period = period.previous()) {
        final Measure.At at = new Measure.At(period); // the measures and breakdowns of a period share what they both read
        measure(at, ago, ago == 0 ? currentValues : historyValues, ago == 0 ? currentTargets : historyTargets);
        if (ago < 2) {
          breakdownsOf(at, ago, ago == 0 ? currentBreakdowns : historyBreakdowns);
        }
      }
    }
    if (history) {
      olderValues = historyValues;
      olderTargets = historyTargets;
      olderBreakdowns = historyBreakdowns;
      historyDay = today;
      historyAt = now;
    }
    currentValues.addAll(olderValues);
    currentTargets.addAll(olderTargets);
    currentBreakdowns.addAll(olderBreakdowns);
    values.register(currentValues, true);
    targets.register(currentTargets, true);
    breakdownRows.register(currentBreakdowns, true);
    final long took = sample.stop(history ? allTook : recentTook);
    final Duration wait = pace.took(now, took);
    if (took > SLOW.toNanos()) { // a database that has grown past what a minute's refresh should cost: say so
      LOG.info("Computing the measure gauges took {} ms ({} periods); the next begins {} s after this one began at the soonest",
          took / 1_000_000, history ? "all" : "current", wait.toSeconds());
    }
  }

  /** periods: "recent" (the current period, every minute) or "all" (the whole trend, hourly). */
  private static Timer refreshTimer(final MeterRegistry meters, final String periods) {
    return Timer.builder("leadjourney.measures.refresh").description("How long computing the catalogue's gauges from MySQL takes")
        .tag("periods", periods).register(meters);
  }

  private void measure(final Measure.At at, final int ago, final List<MultiGauge.Row<?>> valueRows, final List<MultiGauge.Row<?>> targetRows) {
    final Tags period = Tags.of("cadence", at.period().cadence().id(), "ago", Integer.toString(ago), "period", at.period().label());
    for (final Measure m : catalogue.all()) {
      final Tags tags = period.and("measure", m.key(), "name", m.name());
      add(valueRows, tags, m.value().apply(at));
      final BigDecimal target = m.target().apply(at);
      add(targetRows, tags, target == null || target.signum() == 0 ? null : target);
    }
  }

  private void breakdownsOf(final Measure.At at, final int ago, final List<MultiGauge.Row<?>> rows) {
    final Tags tags = Tags.of("cadence", at.period().cadence().id(), "ago", Integer.toString(ago), "period", at.period().label());
    for (final ReviewBreakdowns.Kind kind : breakdowns.kinds()) {
      for (final Indicators.Row row : ReviewBreakdowns.rows(kind, at)) {
        add(rows, tags.and("breakdown", kind.key(), "group", row.group() == null ? "" : row.group(), "item", row.label()), row.value());
      }
    }
  }

  /** No value (a rate of nothing) is no row: a board shows "No data", never a made-up 0. */
  private static void add(final List<MultiGauge.Row<?>> rows, final Tags tags, final BigDecimal value) {
    if (value != null) {
      rows.add(MultiGauge.Row.of(tags, value.doubleValue()));
    }
  }
}
