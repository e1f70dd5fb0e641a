package com.leadjourney.contactintake;

import com.leadjourney.lead.JourneyLauncher;
import com.leadjourney.lead.LeadRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands accepted leads to the engine. An entry is marked dispatched in the transaction that
 * holds its lock, after the engine confirmed the instance; if the engine is unreachable the entry
 * waits with backoff. A start repeated after a lost reply is caught by the journey itself (the
 * lead is bound to the first instance; a second one ends as a duplicate).
 *
 * <p>Intake nudges the dispatcher once its transaction commits, so a lead does not wait for the next
 * poll (which was half the machine's speed-to-lead); the poll stays as the safety net. Both run on
 * one thread, so entries are never dispatched twice at once.
 */
@Component
class OutboxDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 200;

  private final OutboxRepository outbox;
  private final LeadRepository leads;
  private final JourneyLauncher journeys;
  private final TransactionTemplate transaction;
  private final Clock clock;

  OutboxDispatcher(
      final OutboxRepository outbox,
      final LeadRepository leads,
      final JourneyLauncher journeys,
      final TransactionTemplate transaction,
      final Clock clock,
      final MeterRegistry meters) {
    this.outbox = outbox;
    this.leads = leads;
    this.journeys = journeys;
    this.transaction = transaction;
    this.clock = clock;
    Gauge.builder("leadjourney.intake.outbox.pending", outbox, OutboxRepository::countByDispatchedAtIsNull)
        .description("Accepted leads whose journey the engine has not yet started")
        .register(meters);
  }

  private final ExecutorService relay =
      Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("outbox-relay").daemon().unstarted(r));
  private final AtomicBoolean nudged = new AtomicBoolean();
  private boolean databaseUnreachable; // read and written on the relay thread only

  /** A lead was just accepted: dispatch now, unless a dispatch is already queued to run. */
  void nudge() {
    if (nudged.compareAndSet(false, true)) {
      relay.execute(() -> {
        nudged.set(false);
        dispatchWhileTheDatabaseAnswers();
      });
    }
  }

  /**
   * With the database down every poll fails until it is back: said once, not as a stack trace per
   * poll, and nothing escapes the relay thread (entries wait in MySQL; the next poll tries again).
   */
  private void dispatchWhileTheDatabaseAnswers() {
    try {
      dispatchDue();
    } catch (final TransactionException | DataAccessException e) {
      if (!databaseUnreachable) {
        LOG.warn("Outbox relay cannot reach the database; it tries again every poll: {}", e.getMessage());
      }
      databaseUnreachable = true;
      return;
    }
    if (databaseUnreachable) {
      LOG.info("Outbox relay reaches the database again");
    }
    databaseUnreachable = false;
  }

  @Scheduled(fixedDelayString = "${leadjourney.intake.outbox-poll-interval:200ms}")
  void poll() {
    nudge();
  }

  @PreDestroy
  void stop() {
    relay.shutdownNow();
  }

  private void dispatchDue() {
    if (!journeys.newJourneysMayStart()) {
      return;
    }
    for (int i = 0; i < BATCH; i++) {
      final Boolean handled = transaction.execute(tx -> dispatchNext());
      if (!Boolean.TRUE.equals(handled)) {
        return;
      }
    }
  }

  /** Returns false when nothing was due or the engine refused, so the batch pauses. */
  private boolean dispatchNext() {
    final var due = outbox.lockNextDue(clock.instant(), Limit.of(1));
    if (due.isEmpty()) {
      return false;
    }
    final var entry = due.get(0);
    final var lead = leads.findById(entry.getLeadId()).orElseThrow();
    try {
      journeys.start(lead);
      entry.dispatched(clock.instant());
      outbox.save(entry);
      return true;
    } catch (final RuntimeException e) {
      entry.failed(e.getMessage(), clock.instant());
      outbox.save(entry);
      LOG.warn("Engine did not start the journey of lead {} (attempt {}): {}", lead.getId(), entry.getAttempts(), e.getMessage());
      return false;
    }
  }
}
