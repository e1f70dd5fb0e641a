package com.leadjourney.campaign;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What each program cost ({@code leadjourney_program_cost_dollars{program}}), beside the revenue
 * credited to it, so boards can show revenue per dollar. Read from MySQL on a schedule and whenever
 * a cost changes, never per scrape.
 */
@Component
class ProgramCosts {

  private final JdbcTemplate jdbc;
  private final MeterRegistry meters;
  private final Map<String, AtomicLong> costs = new ConcurrentHashMap<>();

  ProgramCosts(final JdbcTemplate jdbc, final MeterRegistry meters) {
    this.jdbc = jdbc;
    this.meters = meters;
  }

  /** Creates or replaces a program (campaign) with its cost and run; the cost gauges follow at once. */
  Map<String, Object> save(final String name, final String channel, final BigDecimal cost, final LocalDate startsOn, final LocalDate endsOn) {
    jdbc.update(
        """
        insert into campaign (name, channel, cost, starts_on, ends_on) values (?, ?, ?, ?, ?)
        on duplicate key update channel = values(channel), cost = values(cost), starts_on = values(starts_on), ends_on = values(ends_on)""",
        name, channel, cost, date(startsOn), date(endsOn));
    refresh();
    return jdbc.queryForMap("select name, channel, cost, starts_on, ends_on from campaign where name = ?", name);
  }

  private static Date date(final LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${leadjourney.metrics.program-costs-every:PT5M}")
  void refresh() {
    jdbc.query(
        "select name, cost from campaign",
        row -> {
          costs.computeIfAbsent(
                  row.getString(1),
                  program -> {
                    final AtomicLong value = new AtomicLong();
                    Gauge.builder("leadjourney.program.cost", value, AtomicLong::get)
                        .description("What the program (campaign) cost")
                        .baseUnit("dollars")
                        .tag("program", program)
                        .register(meters);
                    return value;
                  })
              .set(row.getBigDecimal(2).longValue());
        });
  }
}
