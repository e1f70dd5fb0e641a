package com.leadjourney.engine;

import com.leadjourney.engine.embedded.ScheduledCommandsInFlight;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import org.junit.jupiter.api.Test;

/** What the checkers' next run may skip: written and not processed yet — and nothing else. */
class ScheduledCommandsInFlightTest {

  private final ScheduledCommandsInFlight inFlight = new ScheduledCommandsInFlight();

  @Test
  void aWrittenTriggerIsSkippedUntilTheEngineProcessedIt() {
    final var run = inFlight.stage();
    run.add(TimerIntent.TRIGGER, 7);
    assertThat(inFlight.contains(TimerIntent.TRIGGER, 7)).as("not before the run's batch is written").isFalse();
    run.persist();

    assertThat(inFlight.stage().contains(TimerIntent.TRIGGER, 7)).as("the next run skips it").isTrue();
    inFlight.remove(TimerIntent.TRIGGER, 7);
    assertThat(inFlight.stage().contains(TimerIntent.TRIGGER, 7)).as("processed: a timer with that key may be due again").isFalse();
  }

  @Test
  void aRunWhoseWriteFailedLeavesItsCommandsToTheNextRun() {
    final var run = inFlight.stage();
    run.add(JobIntent.TIME_OUT, 42);
    run.persist();
    run.rollback();

    assertThat(inFlight.stage().contains(JobIntent.TIME_OUT, 42)).isFalse();
  }

  @Test
  void commandsOfOtherIntentsAreNeverSkipped() {
    final var run = inFlight.stage();
    run.add(JobIntent.COMPLETE, 9);
    run.persist();

    assertThat(inFlight.contains(JobIntent.COMPLETE, 9)).isFalse();
  }
}
