package com.leadjourney.feedback;

import java.util.Arrays;
import java.util.List;

/** The default reject/recycle/loss taxonomy both teams agreed (JOURNEY.md, Feedback taxonomy). */
public enum FeedbackReason {
  NOT_DECISION_MAKER("not-decision-maker", true),
  NO_BUDGET("no-budget", true),
  NO_PAIN("no-pain", true),
  BAD_TIMING("bad-timing", true),
  WRONG_FIT("wrong-fit", false),
  COMPETITOR_CHOSEN("competitor-chosen", false),
  NO_RESPONSE("no-response", true),
  DUPLICATE("duplicate", false),
  BAD_DATA("bad-data", false);

  private final String code;
  private final boolean worthNurturing;

  FeedbackReason(final String code, final boolean worthNurturing) {
    this.code = code;
    this.worthNurturing = worthNurturing;
  }

  public String code() {
    return code;
  }

  /** A lead rejected for this reason can still become a buyer later: back to nurture, not the end. */
  public boolean worthNurturing() {
    return worthNurturing;
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(r -> r.code).toList();
  }

  /**
   * @throws IllegalArgumentException naming the valid codes
   */
  public static FeedbackReason of(final String code, final String what) {
    return Arrays.stream(values())
        .filter(r -> r.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("reason is required for " + what + " and must be one of " + codes()));
  }
}
