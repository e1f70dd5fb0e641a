package com.leadjourney.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;

/** What a review shows: indicators against targets and breakdowns, each beside the previous period. */
final class Indicators {

  enum Kind { LEADING, LAGGING }

  /** Whether more of it is good news (MQLs) or bad news (breaches). */
  enum Better { HIGHER, LOWER }

  /**
   * One number of the review.
   *
   * @param delta value minus the previous period's (percentage points for %)
   * @param status met / missed against the target, or null when there is none
   */
  record Indicator(
      String key, String name, Kind kind, String unit, BigDecimal value, BigDecimal previous, BigDecimal delta,
      BigDecimal target, String status, String question) {}

  /** One row of a breakdown; target only where one exists (MQLs per segment). */
  record Row(String label, BigDecimal value, BigDecimal previous, BigDecimal delta, BigDecimal target) {}

  record Breakdown(String key, String title, String unit, List<Row> rows) {}

  private Indicators() {}

  static Indicator indicator(
      final String key, final String name, final Kind kind, final String unit, final Better better,
      final BigDecimal value, final BigDecimal previous, BigDecimal target, final String question) {
    String status = null;
    if (target != null && target.signum() == 0) {
      target = null; // a target of 0 is no target: nothing is "met" against it
    }
    if (target != null && value != null) {
      final int compared = value.compareTo(target);
      status = (better == Better.HIGHER ? compared >= 0 : compared <= 0) ? "met" : "missed";
    }
    return new Indicator(key, name, kind, unit, value, previous, delta(value, previous), target, status, question);
  }

  /**
   * Current and previous side by side over the labels of both: a count missing from one period is
   * 0 there (a reason nobody gave); a rate missing is unknown, not 0.
   */
  static Breakdown breakdown(
      final String key, final String title, final String unit, final Map<String, BigDecimal> current, final Map<String, BigDecimal> previous) {
    final var labels = new LinkedHashSet<>(current.keySet()); // in the order the measure gives them (bands: 0-5, 5-15, …)
    labels.addAll(previous.keySet());
    return new Breakdown(
        key, title, unit,
        labels.stream()
            .map(label -> {
              final BigDecimal absent = "%".equals(unit) ? null : BigDecimal.ZERO;
              final BigDecimal now = current.getOrDefault(label, absent);
              final BigDecimal before = previous.getOrDefault(label, absent);
              return new Row(label, now, before, delta(now, before), null);
            })
            .toList());
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
