package com.leadjourney.xdrhandoff;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How an XDR closes their task; the gateway after "Work the lead" routes on the code. */
enum Outcome {
  MEETING_BOOKED("meeting-booked", false),
  RECYCLE("recycle", true),
  DISQUALIFY("disqualify", true);

  private final String code;
  private final boolean reasonRequired;

  Outcome(final String code, final boolean reasonRequired) {
    this.code = code;
    this.reasonRequired = reasonRequired;
  }

  String code() {
    return code;
  }

  boolean reasonRequired() {
    return reasonRequired;
  }

  static List<String> codes() {
    return Arrays.stream(values()).map(Outcome::code).toList();
  }

  static Optional<Outcome> of(final String code) {
    return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
  }
}
