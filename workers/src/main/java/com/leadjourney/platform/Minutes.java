package com.leadjourney.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** A duration in minutes as people read it: "5 min", "2.5 min" — never a 2.5-minute window cut to "2 min". */
public final class Minutes {

  private Minutes() {}

  public static String of(final Duration duration) {
    return BigDecimal.valueOf(duration.toMillis()).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
        + " min";
  }
}
