package com.leadjourney.engine.embedded;

import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The embedded engine's time: wall-clock time plus an offset that only grows once the engine runs
 * (tests and demos move it forward so due timers fire now). The actor clock keeps its own offset
 * but does not expose it, and its current time is only refreshed while actors run; so it is kept
 * here too, and handed to whoever keeps it across restarts at every move.
 */
final class EngineClock {

  private final ControlledActorClock actorClock;
  private final Consumer<Duration> keep;
  private volatile Duration offset = Duration.ZERO;

  /** Call before any actor runs: a running engine's timers only cope with time moving forward. */
  EngineClock(final ControlledActorClock actorClock, final Duration startOffset, final Consumer<Duration> keep) {
    this.actorClock = actorClock;
    this.keep = keep;
    if (!startOffset.isZero()) {
      actorClock.addTime(startOffset);
      offset = startOffset;
    }
  }

  Instant now() {
    return Instant.now().plus(offset);
  }

  synchronized void advance(final Duration duration) {
    actorClock.addTime(duration);
    offset = offset.plus(duration);
    keep.accept(offset);
  }

  /** Moves forward to wall-clock time if it started in the past; true if it had to. */
  synchronized boolean catchUpWithWallClock() {
    if (!offset.isNegative()) {
      return false;
    }
    advance(offset.negated());
    return true;
  }

  Duration offset() {
    return offset;
  }
}
