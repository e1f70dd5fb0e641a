package com.leadjourney.definition;

import java.util.Map;

/**
 * One row of the agreed definition: when every test holds (field → FEEL unary test, e.g.
 * {@code budget → "approved"}, {@code companySize → >= 200}), the lead earns the points, or is
 * disqualified when the verdict says so. The label is what a decision trace shows.
 */
public record Criterion(Map<String, String> tests, String label, int points, String verdict) {

  public static final String FIT = "fit";
  public static final String DISQUALIFY = "disqualify";
}
