package com.leadjourney.journey;

import com.leadjourney.engine.EngineRestarts;
import com.leadjourney.engine.ProcessDeployment;
import com.leadjourney.lead.LeadRepository;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After start: deploy the models, then (embedded engine only) rebuild from MySQL every open journey
 * the engine does not hold. Normally none: the engine continues its kept state after a graceful
 * stop and after a crash. All of them when its state starts empty (keeping switched off, state of
 * another engine version, a crash before the first checkpoint): then new leads' journeys start as
 * soon as the open ones are listed, not after all of them are rebuilt (28 a second on two cores).
 * Runs in the background so intake answers even while the engine is unreachable.
 */
@Component
public class JourneyStartup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(JourneyStartup.class);
  private static final int REBUILD_THREADS = 8;
  private static final Duration RETRY_REBUILD = Duration.ofSeconds(5);

  private final ProcessDeployment deployment;
  private final EngineRestarts engineRestarts;
  private final LeadRepository leads;
  private final JourneyStarter starter;
  private final TransactionTemplate transaction;
  private final AtomicBoolean newJourneysMayStart = new AtomicBoolean();
  private boolean enginesInstancesForgotten; // the journey-startup thread only

  JourneyStartup(
      final ProcessDeployment deployment,
      final EngineRestarts engineRestarts,
      final LeadRepository leads,
      final JourneyStarter starter,
      final TransactionTemplate transaction) {
    this.deployment = deployment;
    this.engineRestarts = engineRestarts;
    this.leads = leads;
    this.starter = starter;
    this.transaction = transaction;
  }

  @Override
  public void run(final ApplicationArguments args) {
    Thread.ofPlatform().name("journey-startup").daemon().start(this::prepareEngine);
  }

  private void prepareEngine() {
    try {
      deployment.deployUntilDone();
      if (engineRestarts.rebuildsJourneys()) {
        // A kept state still holds its instances: nothing to forget, and only journeys without one
        // are rebuilt (none, unless the last run was stopped in the middle of its own rebuild).
        enginesInstancesForgotten = engineRestarts.keptItsInstances();
        while (!rebuildOpenJourneys()) {
          Thread.sleep(RETRY_REBUILD.toMillis());
        }
      }
      newJourneysMayStart.set(true);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * False when the database went away before every open journey was rebuilt; the next attempt
   * rebuilds only those still without an instance (a database blip at start must not leave the app
   * never ready, nor rebuild a journey twice).
   */
  private boolean rebuildOpenJourneys() {
    final long started = System.nanoTime();
    try {
      if (!enginesInstancesForgotten) {
        // The engine is new: no instance it knew of exists any more.
        transaction.executeWithoutResult(tx -> leads.forgetEngineInstances());
        enginesInstancesForgotten = true;
      } else {
        forgetInstancesTheEngineLost();
      }
      final var open = leads.findJourneysToRebuild();
      // From here new journeys do not mix with the rebuild: they are not in this list (their leads
      // still wait in the outbox) and the keys they bind are not forgotten.
      newJourneysMayStart.set(true);
      final var failed = new AtomicInteger();
      final var unreachable = new AtomicInteger();
      // Engine round trips and DB writes overlap across a few threads; each lead is independent.
      try (var pool = Executors.newFixedThreadPool(REBUILD_THREADS)) {
        for (final var lead : open) {
          pool.submit(
              () -> {
                try {
                  starter.rebuild(lead);
                } catch (final TransactionException | DataAccessException e) {
                  unreachable.incrementAndGet();
                } catch (final RuntimeException e) {
                  failed.incrementAndGet();
                  LOG.error("Cannot rebuild the journey of lead {} at {}", lead.getId(), lead.getResumeElement(), e);
                }
              });
        }
      }
      LOG.info(
          "Rebuilt {} of {} open journeys in {} ms",
          open.size() - failed.get() - unreachable.get(),
          open.size(),
          (System.nanoTime() - started) / 1_000_000);
      if (unreachable.get() > 0) {
        LOG.warn("{} journeys wait for the database to be rebuilt; trying again in {} s", unreachable.get(), RETRY_REBUILD.toSeconds());
      }
      return unreachable.get() == 0;
    } catch (final TransactionException | DataAccessException e) {
      LOG.warn("Cannot rebuild the open journeys while the database is unreachable ({}); trying again in {} s", e.getMessage(),
          RETRY_REBUILD.toSeconds());
      return false;
    }
  }

  /** A continued engine lacks an instance only if a crash cut its records off the journal: rebuilt like the rest. */
  private void forgetInstancesTheEngineLost() {
    final List<Long> lost = engineRestarts.notHeld(leads.findOpenJourneyInstanceKeys());
    if (!lost.isEmpty()) {
      LOG.warn("{} open journeys are bound to instances the engine does not hold (lost in a crash); rebuilding them", lost.size());
      transaction.executeWithoutResult(tx -> leads.forgetEngineInstances(lost));
    }
  }

  /** True once models are deployed and the open journeys to rebuild are known. */
  public boolean newJourneysMayStart() {
    return newJourneysMayStart.get();
  }
}
