package com.leadjourney.review;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Targets the reviews hold the numbers against (MQL targets come from marketing's commitment in
 * the database). Defaults are common B2B benchmarks; set your own under leadjourney.cadence.targets.
 *
 * @param firstTouchInSla share of first touches inside the SLA policy, %
 * @param acceptanceRate share of SQLs AEs accept, %
 * @param winRate share of closed deals won, %
 * @param revenuePerDollar revenue credited (W-shaped) per program dollar
 */
@ConfigurationProperties("leadjourney.cadence.targets")
record CadenceTargets(
    @DefaultValue("90") BigDecimal firstTouchInSla,
    @DefaultValue("80") BigDecimal acceptanceRate,
    @DefaultValue("25") BigDecimal winRate,
    @DefaultValue("3") BigDecimal revenuePerDollar) {}
