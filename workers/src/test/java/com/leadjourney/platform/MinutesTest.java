package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MinutesTest {

  @Test
  void aWindowOfTwoAndAHalfMinutesReadsSoAndWholeMinutesHaveNoDecimals() {
    assertThat(Minutes.of(Duration.ofSeconds(150))).isEqualTo("2.5 min");
    assertThat(Minutes.of(Duration.ofMinutes(240))).isEqualTo("240 min");
    assertThat(Minutes.of(Duration.ofSeconds(20))).isEqualTo("0.3 min");
  }
}
