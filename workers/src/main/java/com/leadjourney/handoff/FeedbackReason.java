package com.leadjourney.handoff;

import java.util.Arrays;
import java.util.List;

/** The default reject/recycle taxonomy both teams agreed (JOURNEY.md, Feedback taxonomy). */
enum FeedbackReason {
  NOT_DECISION_MAKER("not-decision-maker"),
  NO_BUDGET("no-budget"),
  NO_PAIN("no-pain"),
  BAD_TIMING("bad-timing"),
  WRONG_FIT("wrong-fit"),
  COMPETITOR_CHOSEN("competitor-chosen"),
  NO_RESPONSE("no-response"),
  DUPLICATE("duplicate"),
  BAD_DATA("bad-data");

  private final String code;

  FeedbackReason(final String code) {
    this.code = code;
  }

  static List<String> codes() {
    return Arrays.stream(values()).map(r -> r.code).toList();
  }
}
