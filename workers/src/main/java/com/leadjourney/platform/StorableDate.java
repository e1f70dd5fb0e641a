package com.leadjourney.platform;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date the database can store and a person could mean: from 1971 to 2037 (MySQL's TIMESTAMP
 * range, with room), and for something that already happened ({@code past = true}) no later than
 * now plus five minutes of clock skew. Outside it the API answers 400 — a date the database would
 * refuse, or store as a zero date, must never reach a journey (it wedged qualification for good).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {StorableDates.ForInstant.class, StorableDates.ForLocalDate.class})
public @interface StorableDate {

  /** Something that happened: not in the future. */
  boolean past() default false;

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
