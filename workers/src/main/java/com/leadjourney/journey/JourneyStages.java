package com.leadjourney.journey;

import java.util.Map;

/**
 * The stages of the agreed journey and the call activity of lead-journey that runs each: where a
 * rebuilt journey resumes (start instructions cannot reach into a called process, so the stage
 * process starts again from its beginning; its steps are idempotent and its timers use stored
 * dates).
 */
public final class JourneyStages {

  static final String NURTURE = "nurture";

  private static final Map<String, String> CALL_ACTIVITY_BY_STAGE =
      Map.of(
          "contact-intake", "ContactIntake",
          "pre-qualification", "PreQualification",
          NURTURE, "Nurture",
          "xdr-handoff", "XdrHandoff",
          "sales-acceptance", "SalesAcceptance",
          "opportunity", "Opportunity",
          "customer", "Customer");

  private JourneyStages() {}

  static String callActivityOf(final String stage) {
    final String element = CALL_ACTIVITY_BY_STAGE.get(stage);
    if (element == null) {
      throw new IllegalArgumentException("Unknown stage '" + stage + "'; stages are " + CALL_ACTIVITY_BY_STAGE.keySet());
    }
    return element;
  }
}
