package com.leadjourney.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the app and the engine: due dates the app computes and timers the engine fires
 * must agree. On a cluster that is wall-clock time; the embedded engine's clock can be moved
 * forward (tests, demos of SLA escalation), and the app's clock moves with it.
 */
@Configuration(proxyBeanMethods = false)
class JourneyClockConfiguration {

  @Bean
  Clock clock(final ObjectProvider<EmbeddedEngine> embeddedEngine) {
    final EmbeddedEngine engine = embeddedEngine.getIfAvailable();
    return engine == null ? Clock.systemUTC() : new EngineTime(engine, ZoneOffset.UTC);
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
