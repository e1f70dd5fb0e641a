package com.leadjourney.engine.embedded;

import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.stream.api.scheduling.ScheduledCommandCache.StageableScheduledCommandCache;
import io.camunda.zeebe.stream.api.scheduling.ScheduledCommandCache.StagedScheduledCommandCache;
import java.util.HashMap;
import java.util.Map;
import org.agrona.collections.LongHashSet;

/**
 * The commands the engine's own checkers wrote (timer triggers, job time-outs, message expiries)
 * that it has not processed yet, so a checker running again meanwhile does not write them again.
 *
 * <p>Without it the due-date checker, every 100 ms, appends a TRIGGER for every due timer still
 * waiting in the log: after a long stop thousands of timers are due at once, the log fills with
 * duplicate triggers (each rejected when its turn comes) and new leads' commands queue behind them
 * (camunda/camunda#14882). The broker wires such a cache into its stream processor; the test
 * engine we embed wires none, and the broker's own class lives in {@code zeebe-broker}, which is
 * not on Maven Central.
 */
public final class ScheduledCommandsInFlight implements StageableScheduledCommandCache {

  /** Past this many waiting commands of one intent new ones are not remembered: a duplicate is harmless, only wasted work. */
  static final int CAPACITY_PER_INTENT = 100_000;

  private final Map<Intent, LongHashSet> waiting = new HashMap<>();

  public ScheduledCommandsInFlight() {
    for (final Intent intent : new Intent[] {TimerIntent.TRIGGER, JobIntent.TIME_OUT, JobIntent.RECUR_AFTER_BACKOFF, MessageIntent.EXPIRE}) {
      waiting.put(intent, new LongHashSet());
    }
  }

  @Override
  public synchronized void add(final Intent intent, final long key) {
    final LongHashSet keys = waiting.get(intent);
    if (keys != null && keys.size() < CAPACITY_PER_INTENT) {
      keys.add(key);
    }
  }

  @Override
  public synchronized boolean contains(final Intent intent, final long key) {
    final LongHashSet keys = waiting.get(intent);
    return keys != null && keys.contains(key);
  }

  @Override
  public synchronized void remove(final Intent intent, final long key) {
    final LongHashSet keys = waiting.get(intent);
    if (keys != null) {
      keys.remove(key);
    }
  }

  @Override
  public synchronized void clear() {
    waiting.values().forEach(LongHashSet::clear);
  }

  @Override
  public StagedScheduledCommandCache stage() {
    return new Staged();
  }

  /** One checker run's commands: remembered once written ({@link #persist}), forgotten if the write failed ({@link #rollback}). */
  private final class Staged implements StagedScheduledCommandCache {
    private final Map<Intent, LongHashSet> staged = new HashMap<>();

    @Override
    public void add(final Intent intent, final long key) {
      staged.computeIfAbsent(intent, ignored -> new LongHashSet()).add(key);
    }

    @Override
    public boolean contains(final Intent intent, final long key) {
      final LongHashSet keys = staged.get(intent);
      return (keys != null && keys.contains(key)) || ScheduledCommandsInFlight.this.contains(intent, key);
    }

    @Override
    public void remove(final Intent intent, final long key) {
      final LongHashSet keys = staged.get(intent);
      if (keys != null) {
        keys.remove(key);
      }
    }

    @Override
    public void clear() {
      staged.clear();
    }

    @Override
    public void persist() {
      staged.forEach((intent, keys) -> keys.forEachLong(key -> ScheduledCommandsInFlight.this.add(intent, key)));
    }

    @Override
    public void rollback() {
      staged.forEach((intent, keys) -> keys.forEachLong(key -> ScheduledCommandsInFlight.this.remove(intent, key)));
    }
  }
}
