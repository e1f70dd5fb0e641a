package com.leadjourney.platform;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The range {@link StorableDate} allows, and its validators; imports check their dates with the same words. */
public final class StorableDates {

  public static final Instant EARLIEST = Instant.parse("1971-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("2037-12-31T00:00:00Z");
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private StorableDates() {}

  /** Why a date is refused, or null when it is fine. */
  public static String problem(final Instant at, final boolean past, final Instant now) {
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      return "must be between 1971-01-01 and 2037-12-31";
    }
    if (past && at.isAfter(now.plus(CLOCK_SKEW))) {
      return "must not be in the future (it is something that happened)";
    }
    return null;
  }

  /** Validates instants. */
  public static final class ForInstant implements ConstraintValidator<StorableDate, Instant> {
    private final Clock clock;
    private boolean past;

    public ForInstant() {
      this(Clock.systemUTC());
    }

    /** The app's clock (it follows the engine's, which a demo moves on), when Spring makes the validator. */
    @org.springframework.beans.factory.annotation.Autowired
    public ForInstant(final Clock clock) {
      this.clock = clock;
    }

    @Override
    public void initialize(final StorableDate annotation) {
      past = annotation.past();
    }

    @Override
    public boolean isValid(final Instant value, final ConstraintValidatorContext context) {
      return value == null || report(problem(value, past, clock.instant()), context);
    }
  }

  /** Validates calendar days. */
  public static final class ForLocalDate implements ConstraintValidator<StorableDate, LocalDate> {
    private final Clock clock;
    private boolean past;

    public ForLocalDate() {
      this(Clock.systemUTC());
    }

    /** The app's clock (it follows the engine's, which a demo moves on), when Spring makes the validator. */
    @org.springframework.beans.factory.annotation.Autowired
    public ForLocalDate(final Clock clock) {
      this.clock = clock;
    }

    @Override
    public void initialize(final StorableDate annotation) {
      past = annotation.past();
    }

    @Override
    public boolean isValid(final LocalDate value, final ConstraintValidatorContext context) {
      return value == null || report(problem(value.atStartOfDay(ZoneOffset.UTC).toInstant(), past, clock.instant()), context);
    }
  }

  private static boolean report(final String problem, final ConstraintValidatorContext context) {
    if (problem == null) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
    return false;
  }
}
