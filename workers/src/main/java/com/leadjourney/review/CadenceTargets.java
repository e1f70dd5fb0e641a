package com.leadjourney.review;

import com.leadjourney.platform.ReviewPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Targets the reviews and the boards hold the numbers against (MQL targets come from marketing's
 * commitment in the database). Defaults are common B2B benchmarks; set your own under
 * leadjourney.cadence.targets — the pack, {@code leadjourney_measure_target} and so the boards' colours follow.
 *
 * @param firstTouchInSla share of first touches inside the SLA policy, %
 * @param acceptanceRate share of SQLs AEs accept, %
 * @param winRate share of closed deals won, %
 * @param revenuePerDollar revenue credited (W-shaped) per program dollar
 * @param revenuePerQuarter revenue won per quarter, dollars; weeks and months get their days' share
 * @param pipelineCoverage open pipeline per dollar of revenue target still to win
 */
@ConfigurationProperties("leadjourney.cadence.targets")
record CadenceTargets(
    @DefaultValue("90") BigDecimal firstTouchInSla,
    @DefaultValue("80") BigDecimal acceptanceRate,
    @DefaultValue("25") BigDecimal winRate,
    @DefaultValue("3") BigDecimal revenuePerDollar,
    @DefaultValue("1000000") BigDecimal revenuePerQuarter,
    @DefaultValue("3") BigDecimal pipelineCoverage) {

  /** The quarter's revenue target, pro rata for the days of a week or month. */
  BigDecimal revenue(final ReviewPeriod p) {
    final ReviewPeriod quarter = ReviewPeriod.containing(ReviewPeriod.Cadence.QUARTERLY, p.from());
    final long days = p.to().toEpochDay() - p.from().toEpochDay();
    final long quarterDays = quarter.to().toEpochDay() - quarter.from().toEpochDay();
    return revenuePerQuarter.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(quarterDays), 0, RoundingMode.HALF_UP);
  }
}
