package com.leadjourney.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** What a review shows: indicators against targets and breakdowns, each beside the previous period. */
final class Indicators {

  enum Kind { LEADING, LAGGING }

  /** Whether more of it is good news (MQLs) or bad news (breaches). */
  enum Better { HIGHER, LOWER }

  /**
   * One number of the review.
   *
   * @param delta value minus the previous period's (percentage points for %)
   * @param status met / missed against the target; null when there is none or the sample is too small
   * @param sample "2 decided deals" when the rate rests on too few decisions to judge, else null
   * @param trend the last periods, oldest first, the reviewed one last
   */
  record Indicator(
      String key, String name, Kind kind, String unit, BigDecimal value, BigDecimal previous, BigDecimal delta,
      BigDecimal target, String status, String question, String definition, String sample, List<Point> trend) {}

  /** One period of a trend. */
  record Point(String period, BigDecimal value, BigDecimal target) {}

  /** One row of a breakdown; group where rows come in groups (feedback by outcome); target only where one exists. */
  record Row(String group, String label, BigDecimal value, BigDecimal previous, BigDecimal delta, BigDecimal target) {}

  record Breakdown(String key, String title, String unit, List<Row> rows) {}

  private Indicators() {}

  static Indicator indicator(
      final Measure measure, final BigDecimal value, final BigDecimal previous, final BigDecimal target, final Integer sampleSize,
      final List<Point> trend) {
    final BigDecimal shownTarget = target == null || target.signum() == 0 ? null : target; // a target of 0 is no target
    // None at all is no rate ("–"), not a small sample.
    final boolean tooFew = sampleSize != null && sampleSize > 0 && sampleSize < Measure.SMALL_SAMPLE;
    String status = null;
    if (shownTarget != null && value != null && !tooFew) {
      final int compared = value.compareTo(shownTarget);
      status = (measure.better() == Better.HIGHER ? compared >= 0 : compared <= 0) ? "met" : "missed";
    }
    return new Indicator(
        measure.key(), measure.name(), measure.kind(), measure.unit(), value, previous, delta(value, previous), shownTarget, status,
        measure.question(), measure.definition(), tooFew ? sampleSize + " " + measure.sample().of() : null, trend);
  }

  /**
   * Current and previous side by side over the labels of both: a count missing from one period is
   * 0 there (a reason nobody gave); a rate missing is unknown, not 0.
   */
  static Breakdown breakdown(
      final String key, final String title, final String unit, final Map<String, BigDecimal> current, final Map<String, BigDecimal> previous) {
    return new Breakdown(key, title, unit, rows(null, unit, current, previous));
  }

  /** Like {@link #breakdown}, group by group (the groups of both periods, in order). */
  static Breakdown grouped(
      final String key, final String title, final String unit, final Map<String, Map<String, BigDecimal>> current,
      final Map<String, Map<String, BigDecimal>> previous) {
    final var groups = new LinkedHashSet<>(current.keySet());
    groups.addAll(previous.keySet());
    final List<Row> rows = new ArrayList<>();
    groups.forEach(group -> rows.addAll(rows(group, unit, current.getOrDefault(group, Map.of()), previous.getOrDefault(group, Map.of()))));
    return new Breakdown(key, title, unit, rows);
  }

  /** MQLs per segment against each segment's target for the month: {segment: [actual, target]}. */
  static Breakdown commitments(final Map<String, int[]> bySegment) {
    return new Breakdown(
        "commitment-by-segment", "MQLs against commitment by segment", "leads",
        bySegment.entrySet().stream()
            .map(e -> new Row(null, e.getKey(), BigDecimal.valueOf(e.getValue()[0]), null, null, BigDecimal.valueOf(e.getValue()[1])))
            .toList());
  }

  private static List<Row> rows(final String group, final String unit, final Map<String, BigDecimal> current, final Map<String, BigDecimal> previous) {
    final var labels = new LinkedHashSet<>(current.keySet()); // in the order the measure gives them (bands: 0-5, 5-15, …)
    labels.addAll(previous.keySet());
    final BigDecimal absent = "%".equals(unit) ? null : BigDecimal.ZERO;
    return labels.stream()
        .map(label -> {
          final BigDecimal now = current.getOrDefault(label, absent);
          final BigDecimal before = previous.getOrDefault(label, absent);
          return new Row(group, label, now, before, delta(now, before), null);
        })
        .toList();
  }

  /** part of whole in %, one decimal; null when there is no whole to speak of. */
  static BigDecimal percent(final long part, final long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  static BigDecimal ratio(final BigDecimal part, final BigDecimal whole) {
    return whole.signum() == 0 ? null : part.divide(whole, 2, RoundingMode.HALF_UP);
  }

  static BigDecimal delta(final BigDecimal value, final BigDecimal previous) {
    return value == null || previous == null ? null : value.subtract(previous);
  }
}
