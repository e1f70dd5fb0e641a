package com.leadjourney.opportunity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Open pipeline in dollars by stage, split by whether sales co-signed it (at least one contact role
 * confirmed): marketing's headline number is the co-signed part. {@code leadjourney_pipeline_dollars
 * {stage, cosigned}}, computed from MySQL every minute, not per scrape.
 */
@Component
class PipelineGauges {

  private static final List<String> OPEN_STAGES = List.of("discovery", "proposal", "negotiation");

  private final JdbcTemplate jdbc;
  private final Map<String, AtomicLong> dollars = new ConcurrentHashMap<>();

  PipelineGauges(final JdbcTemplate jdbc, final MeterRegistry meters) {
    this.jdbc = jdbc;
    for (final String stage : OPEN_STAGES) {
      for (final String cosigned : List.of("true", "false")) {
        final AtomicLong value = new AtomicLong();
        dollars.put(stage + "/" + cosigned, value);
        Gauge.builder("leadjourney.pipeline", value, AtomicLong::get)
            .description("Open pipeline by opportunity stage; cosigned: sales confirmed a contact role on it")
            .baseUnit("dollars")
            .tags("stage", stage, "cosigned", cosigned)
            .register(meters);
      }
    }
  }

  @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${leadjourney.metrics.pipeline-every:PT1M}")
  void refresh() {
    dollars.values().forEach(v -> v.set(0));
    jdbc.query(
        """
        select o.stage, exists (select 1 from opportunity_contact_role r where r.opportunity_id = o.id and r.confirmed) cosigned,
          coalesce(sum(o.amount), 0)
        from opportunity o where o.closed_at is null group by o.stage, cosigned""",
        row -> {
          final var value = dollars.get(row.getString(1) + "/" + row.getBoolean(2));
          if (value != null) {
            value.set(row.getBigDecimal(3).longValue());
          }
        });
  }
}
