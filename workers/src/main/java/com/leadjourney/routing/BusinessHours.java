package com.leadjourney.routing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A team's working time: weekdays, opening hours and public holidays in its own time zone. SLA
 * windows count only this time, so a 5-minute promise made at 17:58 on a Friday falls due on
 * Monday morning, and a DST change moves nothing but the clock on the wall.
 *
 * @param opens local opening time; with {@code closes} equal to it the team works around the clock
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> workDays, LocalTime opens, LocalTime closes, Set<LocalDate> holidays) {

  public static final BusinessHours ALWAYS =
      new BusinessHours(ZoneId.of("UTC"), Set.of(DayOfWeek.values()), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());

  private static final int MAX_DAYS_AHEAD = 3660; // a calendar with no working day at all must not loop forever

  public boolean aroundTheClock() {
    return opens.equals(closes) && workDays.size() == 7 && holidays.isEmpty();
  }

  /** The instant {@code window} of working time after {@code start}. */
  public Instant plus(final Instant start, final Duration window) {
    if (aroundTheClock()) {
      return start.plus(window);
    }
    Duration left = window;
    ZonedDateTime at = start.atZone(zone);
    for (int day = 0; day < MAX_DAYS_AHEAD; day++) {
      final LocalDate date = at.toLocalDate();
      if (isWorkDay(date)) {
        final ZonedDateTime open = open(date);
        final ZonedDateTime close = close(date);
        final ZonedDateTime from = at.isBefore(open) ? open : at;
        if (from.isBefore(close)) {
          final Duration available = Duration.between(from, close);
          if (left.compareTo(available) <= 0) {
            return from.plus(left).toInstant();
          }
          left = left.minus(available);
        }
      }
      at = date.plusDays(1).atStartOfDay(zone);
    }
    throw new IllegalStateException("No working time within ten years: check the team's work days and holidays");
  }

  /** Working time between two instants (zero if {@code to} is not after {@code from}). */
  public Duration between(final Instant from, final Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (aroundTheClock()) {
      return Duration.between(from, to);
    }
    Duration total = Duration.ZERO;
    ZonedDateTime at = from.atZone(zone);
    final ZonedDateTime end = to.atZone(zone);
    while (at.isBefore(end)) {
      final LocalDate date = at.toLocalDate();
      if (isWorkDay(date)) {
        final ZonedDateTime a = max(at, open(date));
        final ZonedDateTime b = min(end, close(date));
        if (a.isBefore(b)) {
          total = total.plus(Duration.between(a, b));
        }
      }
      at = date.plusDays(1).atStartOfDay(zone);
    }
    return total;
  }

  private boolean isWorkDay(final LocalDate date) {
    return workDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  private ZonedDateTime open(final LocalDate date) {
    return LocalDateTime.of(date, opens).atZone(zone);
  }

  /** Closing time; around the clock (opens == closes) the day ends at the next midnight. */
  private ZonedDateTime close(final LocalDate date) {
    return opens.equals(closes) ? date.plusDays(1).atStartOfDay(zone) : LocalDateTime.of(date, closes).atZone(zone);
  }

  private static ZonedDateTime max(final ZonedDateTime a, final ZonedDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static ZonedDateTime min(final ZonedDateTime a, final ZonedDateTime b) {
    return a.isBefore(b) ? a : b;
  }
}
