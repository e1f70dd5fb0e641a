package com.leadjourney.review;

import com.leadjourney.platform.ReviewPeriod;
import com.leadjourney.review.Indicators.Better;
import com.leadjourney.review.Indicators.Kind;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One business measure, defined once: the review pack, the exported gauges the boards read (through
 * the recording rule {@code leadjourney:<key>:by_period}) and {@code /api/measures} all take its value here.
 *
 * @param definition what counts, in words: numerator, denominator, attribution model
 * @param target the target for a period, or null where there is none
 * @param sample how many decisions a rate rests on (null for counts and sums): below
 *     {@link #SMALL_SAMPLE} the review says it is too early to judge
 */
record Measure(
    String key, String name, Kind kind, String unit, Better better, String definition, String question,
    Function<At, BigDecimal> value, Function<At, BigDecimal> target, Sample sample) {

  /** Fewer decisions than this and a rate says more about luck than about the team. */
  static final int SMALL_SAMPLE = 10;

  /** What a rate's sample is made of ("decided deals") and its size in a period. */
  record Sample(String of, Function<At, Integer> size) {}

  /** The name of its recording rule and exported series: dashes are not allowed in metric names. */
  String rule() {
    return "leadjourney:" + key.replace('-', '_') + ":by_period";
  }

  /**
   * A period being measured. Facts several measures share (first touches feed four) are read once
   * per period through {@link #once}.
   */
  static final class At {
    private final ReviewPeriod period;
    private final Map<String, Object> known = new HashMap<>();

    At(final ReviewPeriod period) {
      this.period = period;
    }

    ReviewPeriod period() {
      return period;
    }

    @SuppressWarnings("unchecked")
    <T> T once(final String fact, final Function<ReviewPeriod, T> query) {
      return (T) known.computeIfAbsent(fact, ignored -> query.apply(period));
    }
  }
}
