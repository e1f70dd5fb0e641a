package com.leadjourney.engine.embedded;

import com.leadjourney.engine.EngineRestarts;
import com.leadjourney.engine.Incidents;
import com.leadjourney.engine.ProcessCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine ports answered by the embedded engine: incidents and the process catalogue from the
 * events of its log (it has no search API), its memory across restarts, and its clock.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "leadjourney.engine.embedded", matchIfMissing = true)
class EmbeddedEngineConfiguration {

  @Bean
  Incidents embeddedIncidents(final EmbeddedEngine engine) {
    return engine::openIncidents;
  }

  @Bean
  ProcessCatalog embeddedProcessCatalog(final EmbeddedEngine engine) {
    return engine.processCatalog();
  }

  @Bean
  EngineRestarts embeddedRestarts(final EmbeddedEngine engine) {
    return new EngineRestarts() {
      @Override
      public boolean rebuildsJourneys() {
        return true;
      }

      @Override
      public boolean keptItsInstances() {
        return engine.continuesKeptState();
      }

      @Override
      public boolean isFromEarlierStart(final long key) {
        return engine.isFromEarlierStart(key);
      }

      @Override
      public List<Long> notHeld(final List<Long> processInstanceKeys) {
        return engine.notHeld(processInstanceKeys);
      }
    };
  }

  /**
   * One clock for the app and the engine: due dates the app computes and timers the engine fires
   * must agree. The embedded engine's clock can be moved forward (tests, demos of SLA escalation),
   * and the app's clock moves with it.
   */
  @Bean
  Clock clock(final EmbeddedEngine engine) {
    return new EngineTime(engine, ZoneOffset.UTC);
  }

  private static final class EngineTime extends Clock {
    private final EmbeddedEngine engine;
    private final ZoneId zone;

    EngineTime(final EmbeddedEngine engine, final ZoneId zone) {
      this.engine = engine;
      this.zone = zone;
    }

    @Override
    public Instant instant() {
      return engine.now();
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(final ZoneId newZone) {
      return new EngineTime(engine, newZone);
    }
  }
}
