package com.leadjourney.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends notifications out (email, chat webhook) on threads of their own. They were sent on the
 * thread that recorded them — for an SLA reminder, one of the four job-worker threads every new
 * lead's steps share — so each reminder held a worker through its SMTP and webhook round trips
 * (and a hung mail server would have held it for good). Bounded: past {@code queue-capacity}
 * waiting sends, a send is refused and counted as failed; the notification is in the person's
 * inbox either way. A graceful stop sends what is queued, for up to {@code stop-timeout}.
 */
@Component
class OutboundDelivery implements DisposableBean {

  private final ThreadPoolExecutor senders;
  private final long stopTimeoutMillis;

  OutboundDelivery(
      @Value("${leadjourney.notifications.delivery.threads:2}") final int threads,
      @Value("${leadjourney.notifications.delivery.queue-capacity:10000}") final int queueCapacity,
      @Value("${leadjourney.notifications.delivery.stop-timeout:10s}") final Duration stopTimeout,
      final MeterRegistry meters) {
    final AtomicInteger number = new AtomicInteger();
    this.senders =
        new ThreadPoolExecutor(
            threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), task -> {
              final Thread thread = new Thread(task, "outbound-delivery-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.stopTimeoutMillis = stopTimeout.toMillis();
    Gauge.builder("leadjourney.notifications.queued", senders, s -> s.getQueue().size())
        .description("Notifications waiting to be sent out by email or webhook")
        .register(meters);
  }

  /** Queues the send; false when the queue is full or the app is stopping (nothing queued). */
  boolean submit(final Runnable send) {
    try {
      senders.execute(send);
      return true;
    } catch (final RejectedExecutionException e) {
      return false;
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    senders.shutdown();
    senders.awaitTermination(stopTimeoutMillis, TimeUnit.MILLISECONDS);
  }
}
