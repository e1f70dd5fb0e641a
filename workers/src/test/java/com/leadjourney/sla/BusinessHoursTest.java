package com.leadjourney.sla;

import com.leadjourney.routing.BusinessHours;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A Berlin team, Monday to Friday 09:00–18:00: when do promises made on a Friday evening fall due? */
class BusinessHoursTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDate EASTER_MONDAY_2027 = LocalDate.of(2027, 3, 29);

  private final BusinessHours berlin =
      new BusinessHours(BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of(EASTER_MONDAY_2027));

  private static java.time.Instant berlin(final int y, final int m, final int d, final int h, final int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(BERLIN).toInstant();
  }

  @Test
  void aHotLeadAt1758OnFridayIsDueMondayAt0903() {
    assertThat(berlin.plus(berlin(2026, 11, 27, 17, 58), Duration.ofMinutes(5))).isEqualTo(berlin(2026, 11, 30, 9, 3));
  }

  @Test
  void theWeekendTheClocksGoBackChangesNothingButTheOffset() {
    final var due = berlin.plus(berlin(2026, 10, 23, 17, 58), Duration.ofMinutes(5)); // CEST Friday, CET Monday
    assertThat(due).isEqualTo(berlin(2026, 10, 26, 9, 3));
    assertThat(due.atZone(BERLIN).getOffset().getTotalSeconds()).isEqualTo(3600);
  }

  @Test
  void aPublicHolidayOnMondayMovesTheDeadlineToTuesdayAcrossTheSpringDstChange() {
    assertThat(berlin.plus(berlin(2027, 3, 26, 17, 58), Duration.ofMinutes(5))).isEqualTo(berlin(2027, 3, 30, 9, 3));
  }

  @Test
  void aFourHourWindowStartedBeforeOpeningRunsFromOpening() {
    assertThat(berlin.plus(berlin(2026, 11, 25, 7, 30), Duration.ofHours(4))).isEqualTo(berlin(2026, 11, 25, 13, 0));
    assertThat(berlin.plus(berlin(2026, 11, 25, 16, 0), Duration.ofHours(4))).isEqualTo(berlin(2026, 11, 26, 11, 0));
  }

  @Test
  void elapsedBusinessTimeLeavesOutNightsWeekendsAndHolidays() {
    assertThat(berlin.between(berlin(2026, 11, 27, 17, 58), berlin(2026, 11, 30, 9, 3))).isEqualTo(Duration.ofMinutes(5));
    assertThat(berlin.between(berlin(2027, 3, 26, 17, 0), berlin(2027, 3, 30, 10, 0))).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aroundTheClockIsWallTime() {
    final var start = berlin(2026, 11, 27, 17, 58);
    assertThat(BusinessHours.ALWAYS.plus(start, Duration.ofHours(4))).isEqualTo(start.plus(Duration.ofHours(4)));
  }
}
