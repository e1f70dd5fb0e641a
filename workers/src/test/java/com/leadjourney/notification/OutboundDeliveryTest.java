package com.leadjourney.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A mail server that hangs holds a delivery thread, never the caller; past the queue's size sends are refused, not piled up. */
class OutboundDeliveryTest {

  @Test
  void aHangingSendHoldsNeitherTheCallerNorTheQueueBeyondItsSize() throws Exception {
    final var meters = new SimpleMeterRegistry();
    final var delivery = new OutboundDelivery(1, 1, Duration.ofMillis(100), meters);
    final var serverAnswers = new CountDownLatch(1);
    final var hangingSendStarted = new CountDownLatch(1);
    final Runnable hangingSend = () -> {
      hangingSendStarted.countDown();
      try {
        serverAnswers.await();
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };

    assertThat(delivery.submit(hangingSend)).isTrue();
    assertThat(hangingSendStarted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(delivery.submit(() -> {})).as("queued behind the hanging send").isTrue();
    assertThat(meters.get("leadjourney.notifications.queued").gauge().value()).isEqualTo(1.0);
    assertThat(delivery.submit(() -> {})).as("the queue is full").isFalse();

    serverAnswers.countDown();
    delivery.destroy();
    assertThat(meters.get("leadjourney.notifications.queued").gauge().value()).isZero();
  }
}
