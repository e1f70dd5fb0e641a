package com.leadjourney.journey;

import com.leadjourney.lead.StageEntry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Open journeys per stage and how long the oldest has waited there
 * ({@code leadjourney_journeys_open{stage}}, {@code leadjourney_journeys_oldest_age_seconds{stage}}):
 * computed from MySQL on a schedule, never per scrape.
 */
@Component
class OpenJourneyGauges {

  /** Every stage is exported, also when empty, so alerts and boards see zeros rather than gaps. */
  private static final List<String> STAGES = Stream.concat(Stream.of("new"), StageEntry.STAGES.stream()).toList();

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> oldest = new ConcurrentHashMap<>();

  OpenJourneyGauges(final JdbcTemplate jdbc, final MeterRegistry meters, final Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    for (final String stage : STAGES) {
      open.put(stage, new AtomicLong());
      oldest.put(stage, new AtomicLong());
      Gauge.builder("leadjourney.journeys.open", open.get(stage), AtomicLong::get)
          .description("Open journeys waiting in the stage")
          .tag("stage", stage)
          .register(meters);
      Gauge.builder("leadjourney.journeys.oldest.age", oldest.get(stage), AtomicLong::get)
          .description("How long the longest-waiting open journey has been in the stage")
          .tag("stage", stage)
          .baseUnit("seconds")
          .register(meters);
    }
  }

  @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${leadjourney.metrics.journey-gauges-every:PT1M}")
  void refresh() {
    final var now = clock.instant();
    STAGES.forEach(stage -> {
      open.get(stage).set(0);
      oldest.get(stage).set(0);
    });
    jdbc.query(
        "select stage, count(*), min(updated_at) from leads where journey_state = 'OPEN' group by stage",
        row -> {
          final String stage = row.getString(1);
          if (open.containsKey(stage)) {
            open.get(stage).set(row.getLong(2));
            oldest.get(stage).set(Math.max(0, Duration.between(row.getTimestamp(3).toInstant(), now).toSeconds()));
          }
        });
  }
}
