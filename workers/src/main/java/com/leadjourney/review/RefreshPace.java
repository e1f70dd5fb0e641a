package com.leadjourney.review;

import java.time.Duration;

/**
 * When the measure gauges may be computed again: not before {@value #SHARE} times as long as the last
 * computation took has passed since it began, so the boards cost at most a twentieth of one database
 * connection's time however large the quarter grows. Their queries read whole periods: at 90,000
 * leads in the quarter a minute's refresh took 33 s (stop 38), half a database thread taken from the
 * journeys on a two-core machine. A quick refresh leaves the configured interval in charge.
 */
final class RefreshPace {

  static final int SHARE = 20;

  private boolean computed;
  private long notBefore;

  /** now: {@link System#nanoTime()}. */
  boolean due(final long now) {
    return !computed || now - notBefore >= 0;
  }

  /** A computation that began at {@code began} took {@code nanos}; returns how long the next waits from its start. */
  Duration took(final long began, final long nanos) {
    computed = true;
    notBefore = began + SHARE * nanos;
    return Duration.ofNanos(SHARE * nanos);
  }
}
