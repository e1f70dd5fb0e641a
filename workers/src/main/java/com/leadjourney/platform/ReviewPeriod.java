package com.leadjourney.platform;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One week (ISO, Monday first: {@code 2026-W47}), month ({@code 2026-11}) or quarter
 * ({@code 2026-Q4}) of a cadence review, as a half-open range of UTC days [from, to).
 */
public record ReviewPeriod(Cadence cadence, String label, LocalDate from, LocalDate to) {

  /** The three rhythms of review; each has its Grafana board. */
  public enum Cadence {
    WEEKLY("lead-journey-weekly", Pattern.compile("(\\d{4})-W(\\d{2})")),
    MONTHLY("lead-journey-monthly", Pattern.compile("(\\d{4})-(\\d{2})")),
    QUARTERLY("lead-journey-quarterly", Pattern.compile("(\\d{4})-Q([1-4])"));

    private final String board;
    private final Pattern label;

    Cadence(final String board, final Pattern label) {
      this.board = board;
      this.label = label;
    }

    /** The uid of its Grafana board in dashboard-config/. */
    public String board() {
      return board;
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Cadence of(final String id) {
      for (final Cadence cadence : values()) {
        if (cadence.id().equals(id)) {
          return cadence;
        }
      }
      throw new IllegalArgumentException("cadence must be weekly, monthly or quarterly, not '" + id + "'");
    }
  }

  /** The period the label names; a label that names nothing is an {@link IllegalArgumentException}. */
  public static ReviewPeriod parse(final Cadence cadence, final String label) {
    final Matcher m = cadence.label.matcher(label);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "period for a " + cadence.id() + " review looks like " + example(cadence) + ", not '" + label + "'");
    }
    final int year = Integer.parseInt(m.group(1));
    final int number = Integer.parseInt(m.group(2));
    return switch (cadence) {
      case WEEKLY -> {
        final LocalDate anyDayOfYear = LocalDate.of(year, 6, 1);
        if (number < 1 || number > anyDayOfYear.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
          throw new IllegalArgumentException(year + " has no week " + number);
        }
        yield containing(cadence, anyDayOfYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number));
      }
      case MONTHLY -> {
        if (number < 1 || number > 12) {
          throw new IllegalArgumentException("there is no month " + number);
        }
        yield containing(cadence, LocalDate.of(year, number, 1));
      }
      case QUARTERLY -> containing(cadence, LocalDate.of(year, (number - 1) * 3 + 1, 1));
    };
  }

  /** The period of that cadence the day falls in. */
  public static ReviewPeriod containing(final Cadence cadence, final LocalDate day) {
    return switch (cadence) {
      case WEEKLY -> {
        final LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield new ReviewPeriod(
            cadence,
            String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
            monday, monday.plusWeeks(1));
      }
      case MONTHLY -> {
        final YearMonth month = YearMonth.from(day);
        yield new ReviewPeriod(cadence, month.toString(), month.atDay(1), month.plusMonths(1).atDay(1));
      }
      case QUARTERLY -> {
        final int quarter = (day.getMonthValue() - 1) / 3 + 1;
        final LocalDate first = LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1);
        yield new ReviewPeriod(cadence, day.getYear() + "-Q" + quarter, first, first.plusMonths(3));
      }
    };
  }

  public ReviewPeriod previous() {
    return containing(cadence, from.minusDays(1));
  }

  public ReviewPeriod next() {
    return containing(cadence, to);
  }

  public Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public Instant end() {
    return to.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static String example(final Cadence cadence) {
    return switch (cadence) {
      case WEEKLY -> "2026-W47";
      case MONTHLY -> "2026-11";
      case QUARTERLY -> "2026-Q4";
    };
  }
}
