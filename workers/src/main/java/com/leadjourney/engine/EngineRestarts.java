package com.leadjourney.engine;

import java.util.List;

/**
 * What the app must know about the engine's memory across its own restarts. A cluster keeps its
 * state: nothing to rebuild. The embedded engine keeps it after a graceful stop and loses it after
 * a crash; then every open journey is rebuilt from MySQL, and tasks of the last run are renumbered.
 */
public interface EngineRestarts {

  /** True when the open journeys must be rebuilt from MySQL at start (the embedded engine). */
  boolean rebuildsJourneys();

  /** True when the engine continued its kept state: the instances it knew of still exist. */
  boolean keptItsInstances();

  /** True for a key (a user task's) the engine handed out before this start and has forgotten since. */
  boolean isFromEarlierStart(long key);

  /**
   * Of these journey instances, those a continued engine does not hold: acknowledged an instant
   * before a crash, their records never reached the engine's journal. A cluster: none known.
   */
  default List<Long> notHeld(final List<Long> processInstanceKeys) {
    return List.of();
  }

  /** A cluster: its state outlives every restart of the app. */
  EngineRestarts CLUSTER = new EngineRestarts() {
    @Override
    public boolean rebuildsJourneys() {
      return false;
    }

    @Override
    public boolean keptItsInstances() {
      return true;
    }

    @Override
    public boolean isFromEarlierStart(final long key) {
      return false;
    }
  };
}
