package com.leadjourney.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The boards' refresh backs off as it grows expensive, and only then. */
class RefreshPaceTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void theFirstRefreshIsAlwaysDue() {
    assertThat(new RefreshPace().due(-5 * SECOND)).isTrue();
  }

  @Test
  void aRefreshThatTook33SecondsPutsTheNextOffToElevenMinutesAfterItBegan() {
    final RefreshPace pace = new RefreshPace();
    final long began = 1_000 * SECOND;
    assertThat(pace.took(began, 33 * SECOND)).isEqualTo(Duration.ofSeconds(660));
    assertThat(pace.due(began + 60 * SECOND)).as("the next minute's tick").isFalse();
    assertThat(pace.due(began + 659 * SECOND)).isFalse();
    assertThat(pace.due(began + 660 * SECOND)).isTrue();
  }

  @Test
  void aQuickRefreshLeavesTheConfiguredIntervalInCharge() {
    final RefreshPace pace = new RefreshPace();
    pace.took(0, SECOND / 5);
    assertThat(pace.due(60 * SECOND)).as("the next minute's tick after a 200 ms refresh").isTrue();
  }

  @Test
  void timeReadAcrossTheNanoClocksWrapStillCounts() {
    final RefreshPace pace = new RefreshPace();
    final long began = Long.MAX_VALUE - 10 * SECOND;
    pace.took(began, 2 * SECOND);
    assertThat(pace.due(began + 30 * SECOND)).as("30 s later, past the wrap").isFalse();
    assertThat(pace.due(began + 40 * SECOND)).as("40 s later, past the wrap").isTrue();
  }
}
