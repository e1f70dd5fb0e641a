package com.leadjourney.task;

import com.leadjourney.lead.FunnelSteps;
import java.util.List;
import java.util.Map;

/**
 * How the human task of one stage may be closed: its outcomes, which need a reason from the
 * taxonomy, and the variables the stage's gateway routes on. One implementation per stage.
 */
public interface TaskOutcomes {

  /** The stage process whose user tasks these are. */
  String processId();

  List<String> outcomes();

  /**
   * The completion's variables: codes only. Objections (free text that may name the person) stay in
   * MySQL with the task, so the engine never holds personal data (erasure: {@code privacy}).
   *
   * @throws IllegalArgumentException saying what to fix (unknown outcome, missing reason)
   */
  Map<String, Object> completionVariables(String outcome, String reason);

  /** The task's entry and exit criteria as both teams agreed them (JOURNEY.md), shown on the task. */
  String criteria();

  /**
   * Whether closing with this outcome means a person reached the lead (a booked meeting): with no
   * touch logged yet, the completion logs one, so the SLA result and speed-to-lead are not lost.
   */
  default boolean impliesTouch(final String outcome) {
    return false;
  }

  /** The funnel step closing with this outcome takes the lead to (a booked meeting: SQL), or null. */
  default FunnelSteps.Step reaches(final String outcome) {
    return null;
  }

  /** Whether touches on this task stop a first-touch clock (message first-touch-logged). */
  default boolean firstTouchClock() {
    return false;
  }
}
