package com.leadjourney.definition;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How well each definition version picks leads sales can work: of the MQLs it made, how many XDRs
 * turned into SQLs and how many of those AEs accepted or rejected. Exported for the last 90 days as
 * {@code leadjourney_definition_mql_to_sql_ratio} and {@code leadjourney_definition_sql_acceptance_ratio}
 * by {@code definition_version}, computed on a schedule; the review pack asks it for any period.
 */
@Component
public class DefinitionHealth {

  /** MQLs a version made in a period, and what sales later made of them. */
  public record Health(int mqls, int sqls, int accepted, int rejected) {}

  private final JdbcTemplate jdbc;
  private final MeterRegistry meters;
  private final Clock clock;
  private final Map<String, AtomicReference<Health>> exported = new ConcurrentHashMap<>();
  private final Map<String, Gauge> acceptance = new ConcurrentHashMap<>();

  DefinitionHealth(final JdbcTemplate jdbc, final MeterRegistry meters, final Clock clock) {
    this.jdbc = jdbc;
    this.meters = meters;
    this.clock = clock;
  }

  /** Per version, the MQLs decided in [from, to) and their later fate. */
  public Map<String, Health> between(final Instant from, final Instant to) {
    final Map<String, Health> byVersion = new TreeMap<>();
    jdbc.query(
        """
        select d.definition_version, count(distinct d.lead_id),
          count(distinct case when t.process_id = 'xdr-handoff' and t.outcome = 'meeting-booked' then d.lead_id end),
          count(distinct case when t.process_id = 'sales-acceptance' and t.outcome = 'accepted' then d.lead_id end),
          count(distinct case when t.process_id = 'sales-acceptance' and t.outcome = 'rejected' then d.lead_id end)
        from qualification_decision d
        left join human_task t on t.lead_id = d.lead_id and t.closed_at >= d.decided_at and t.process_id in ('xdr-handoff', 'sales-acceptance')
        where d.outcome = 'mql' and d.decided_at >= ? and d.decided_at < ? group by d.definition_version""",
        row -> {
          byVersion.put(row.getString(1), new Health(row.getInt(2), row.getInt(3), row.getInt(4), row.getInt(5)));
        },
        Timestamp.from(from), Timestamp.from(to));
    return byVersion;
  }

  @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${leadjourney.metrics.definition-health-every:PT5M}")
  public void refresh() {
    final Instant now = clock.instant();
    between(now.minus(Duration.ofDays(90)), now).forEach((version, health) -> {
      exported.computeIfAbsent(version, this::register).set(health);
      acceptanceShownWhenDecided(version, health);
    });
  }

  /**
   * The acceptance ratio exists once AEs decided on one of the version's SQLs: before that there is
   * no ratio to show (a NaN on a board reads as a fault), and it goes again when none is left in the window.
   */
  private void acceptanceShownWhenDecided(final String version, final Health health) {
    final boolean decided = health.accepted() + health.rejected() > 0;
    final Gauge shown = acceptance.get(version);
    if (decided && shown == null) {
      final AtomicReference<Health> current = exported.get(version);
      acceptance.put(version, Gauge.builder("leadjourney.definition.sql.acceptance", current,
              h -> h.get().accepted() / (double) Math.max(1, h.get().accepted() + h.get().rejected()))
          .description("Of the definition version's SQLs that AEs decided on in the last 90 days, the share they accepted")
          .baseUnit("ratio")
          .tag("definition_version", version)
          .register(meters));
    } else if (!decided && shown != null) {
      meters.remove(shown);
      acceptance.remove(version);
    }
  }

  private AtomicReference<Health> register(final String version) {
    final AtomicReference<Health> health = new AtomicReference<>(new Health(0, 0, 0, 0));
    Gauge.builder("leadjourney.definition.mql.to.sql", health, h -> ratio(h.get().sqls(), h.get().mqls()))
        .description("Of the MQLs the definition version made in the last 90 days, the share XDRs turned into SQLs")
        .baseUnit("ratio")
        .tag("definition_version", version)
        .register(meters);
    return health;
  }

  private static double ratio(final int part, final int whole) {
    return whole == 0 ? Double.NaN : part / (double) whole;
  }
}
