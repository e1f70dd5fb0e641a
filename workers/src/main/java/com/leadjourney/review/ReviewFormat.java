package com.leadjourney.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Numbers as the review page prints them: money with thousands separators and currency, rates with their sign. */
@Component("reviewFormat")
public class ReviewFormat {

  /** {@code $2,783,000}, {@code 66.7 %}, {@code 2.00×}, {@code 40 days}, {@code 1,204}; an absent value is a dash. */
  public String of(final BigDecimal value, final String unit) {
    if (value == null) {
      return "–";
    }
    return switch (unit) {
      case "dollars" -> money(value);
      case "%" -> value.setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
      case "ratio" -> value.setScale(2, RoundingMode.HALF_UP).toPlainString() + "×";
      case "minutes" -> grouped(value) + " min";
      case "hours" -> grouped(value) + " h";
      case "days" -> grouped(value) + " days";
      default -> grouped(value);
    };
  }

  /** A change: signed, in percentage points for rates. */
  public String change(final BigDecimal delta, final String unit) {
    if (delta == null) {
      return "–";
    }
    final String sign = delta.signum() > 0 ? "+" : delta.signum() < 0 ? "−" : "";
    final String magnitude = "%".equals(unit) ? delta.abs().setScale(1, RoundingMode.HALF_UP).toPlainString() + " pts" : of(delta.abs(), unit);
    return sign + magnitude;
  }

  private static String money(final BigDecimal value) {
    final NumberFormat dollars = NumberFormat.getCurrencyInstance(Locale.US);
    // Cents only where there are any and the amount is small enough for them to matter.
    final boolean cents = value.stripTrailingZeros().scale() > 0 && value.abs().compareTo(BigDecimal.valueOf(1000)) < 0;
    dollars.setMinimumFractionDigits(cents ? 2 : 0);
    dollars.setMaximumFractionDigits(cents ? 2 : 0);
    return dollars.format(value);
  }

  private static String grouped(final BigDecimal value) {
    final NumberFormat number = NumberFormat.getNumberInstance(Locale.US);
    number.setMaximumFractionDigits(1);
    return number.format(value);
  }
}
