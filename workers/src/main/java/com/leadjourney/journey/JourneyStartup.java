package com.leadjourney.journey;

import com.leadjourney.engine.EmbeddedEngine;
import com.leadjourney.engine.ProcessDeployment;
import com.leadjourney.lead.LeadRepository;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After start: deploy the models, then (embedded engine only, whose state starts empty) rebuild
 * every open journey from MySQL, then let the outbox hand new leads to the engine. Runs in the
 * background so intake answers even while the engine is unreachable.
 */
@Component
public class JourneyStartup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(JourneyStartup.class);
  private static final int REBUILD_THREADS = 8;

  private final ProcessDeployment deployment;
  private final ObjectProvider<EmbeddedEngine> embeddedEngine;
  private final LeadRepository leads;
  private final JourneyStarter starter;
  private final TransactionTemplate transaction;
  private final AtomicBoolean ready = new AtomicBoolean();

  JourneyStartup(
      final ProcessDeployment deployment,
      final ObjectProvider<EmbeddedEngine> embeddedEngine,
      final LeadRepository leads,
      final JourneyStarter starter,
      final TransactionTemplate transaction) {
    this.deployment = deployment;
    this.embeddedEngine = embeddedEngine;
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
      if (embeddedEngine.getIfAvailable() != null) {
        rebuildOpenJourneys();
      }
      ready.set(true);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void rebuildOpenJourneys() {
    final long started = System.nanoTime();
    // The engine is new: no instance it knew of exists any more.
    transaction.executeWithoutResult(tx -> leads.forgetEngineInstances());
    final var open = leads.findOpenStartedJourneys();
    final var failed = new AtomicInteger();
    // Engine round trips and DB writes overlap across a few threads; each lead is independent.
    try (var pool = Executors.newFixedThreadPool(REBUILD_THREADS)) {
      for (final var lead : open) {
        pool.submit(
            () -> {
              try {
                starter.rebuild(lead);
              } catch (final RuntimeException e) {
                failed.incrementAndGet();
                LOG.error("Cannot rebuild the journey of lead {} at {}", lead.getId(), lead.getResumeElement(), e);
              }
            });
      }
    }
    LOG.info(
        "Rebuilt {} of {} open journeys in {} ms",
        open.size() - failed.get(),
        open.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** True once models are deployed and open journeys rebuilt: new journeys may start. */
  public boolean isReady() {
    return ready.get();
  }
}
