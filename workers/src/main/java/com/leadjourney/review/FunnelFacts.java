package com.leadjourney.review;

import com.leadjourney.contactintake.IntakeProperties;
import com.leadjourney.definition.DefinitionHealth;
import com.leadjourney.platform.ReviewPeriod;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The funnel, counted as cohorts: of the leads that came in during a period, how many went on (so
 * far) to become MQLs, SQLs, opportunities and customers; of the MQLs a period made, the share that
 * became SQLs — overall and by source, campaign and definition version, one definition throughout.
 */
@Component
class FunnelFacts {

  /** The funnel's steps as people say them, in order. */
  static final List<String> STEPS = List.of("Leads", "MQLs", "SQLs", "Opportunities", "Won");

  /** MQLs of a period and how many of them XDRs turned into SQLs. */
  record Conversion(int mqls, int sqls) {
    BigDecimal percent() {
      return Indicators.percent(sqls, mqls);
    }
  }

  private final JdbcTemplate jdbc;
  private final DefinitionHealth definitionHealth;
  private final IntakeProperties intake;

  FunnelFacts(final JdbcTemplate jdbc, final DefinitionHealth definitionHealth, final IntakeProperties intake) {
    this.jdbc = jdbc;
    this.definitionHealth = definitionHealth;
    this.intake = intake;
  }

  int newLeads(final ReviewPeriod p) {
    return jdbc.queryForObject("select count(*) from leads where created_at >= ? and created_at < ?", Integer.class, start(p), end(p));
  }

  /**
   * Each step's count for the period's cohort of new leads, in {@link #STEPS} order. A lead counts
   * at every step up to the furthest it reached ({@code lead.FunnelSteps}: an opportunity an AE
   * opened without a meeting booked still passed "SQL"), so no step holds more than the one before.
   */
  Map<String, BigDecimal> funnel(final ReviewPeriod p) {
    final long[] atStep = new long[STEPS.size()];
    jdbc.query(
        "select funnel_step, count(*) from leads where created_at >= ? and created_at < ? group by funnel_step",
        row -> {
          atStep[Math.min(row.getInt(1), STEPS.size() - 1)] += row.getLong(2);
        },
        start(p), end(p));
    for (int step = STEPS.size() - 2; step >= 0; step--) {
      atStep[step] += atStep[step + 1]; // reaching a step passed every one before it
    }
    final Map<String, BigDecimal> steps = new LinkedHashMap<>();
    for (int step = 0; step < STEPS.size(); step++) {
      steps.put(STEPS.get(step), BigDecimal.valueOf(atStep[step]));
    }
    return steps;
  }

  /** Conversion from each funnel step to the next, in %: "MQLs → SQLs". */
  static Map<String, BigDecimal> stepConversions(final Map<String, BigDecimal> funnel) {
    final Map<String, BigDecimal> conversions = new LinkedHashMap<>();
    for (int step = 1; step < STEPS.size(); step++) {
      final BigDecimal before = funnel.get(STEPS.get(step - 1));
      conversions.put(STEPS.get(step - 1) + " → " + STEPS.get(step), Indicators.percent(funnel.get(STEPS.get(step)).longValue(), before.longValue()));
    }
    return conversions;
  }

  /** The step that loses the largest share of those who reached it; null before anyone reached one. */
  static String biggestLeak(final Map<String, BigDecimal> conversions) {
    return conversions.entrySet().stream().filter(e -> e.getValue() != null).min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }

  /** Per definition version, the MQLs the period made and what sales made of them since. */
  Map<String, DefinitionHealth.Health> definitionHealth(final ReviewPeriod p) {
    return definitionHealth.between(p.start(), p.end());
  }

  static Conversion mqlToSql(final Map<String, DefinitionHealth.Health> byVersion) {
    final var health = byVersion.values();
    return new Conversion(health.stream().mapToInt(DefinitionHealth.Health::mqls).sum(), health.stream().mapToInt(DefinitionHealth.Health::sqls).sum());
  }

  static Map<String, BigDecimal> mqlToSqlByDefinition(final Map<String, DefinitionHealth.Health> health) {
    final Map<String, BigDecimal> byVersion = new TreeMap<>();
    health.forEach((version, h) -> byVersion.put(version, Indicators.percent(h.sqls(), h.mqls())));
    return byVersion;
  }

  /** By intake source; sources not among the known ones are "other", as in every metric. */
  Map<String, BigDecimal> mqlToSqlBySource(final ReviewPeriod p) {
    final Map<String, Conversion> bySource = new TreeMap<>();
    mqlToSqlBy("l.source", p).forEach((source, c) ->
        bySource.merge(intake.knownSources().contains(source) ? source : "other", c, (a, b) -> new Conversion(a.mqls + b.mqls, a.sqls + b.sqls)));
    return percents(bySource);
  }

  /** By the campaign the lead came in with; a campaign marketing never entered is "other". */
  Map<String, BigDecimal> mqlToSqlByCampaign(final ReviewPeriod p) {
    return percents(mqlToSqlBy("case when exists (select 1 from campaign c where c.name = l.campaign) then l.campaign else 'other' end", p));
  }

  private Map<String, Conversion> mqlToSqlBy(final String group, final ReviewPeriod p) {
    final Map<String, Conversion> byGroup = new TreeMap<>();
    jdbc.query(
        "select coalesce(" + group + ", 'none'), count(distinct d.lead_id),"
            + " count(distinct case when t.outcome = 'meeting-booked' then d.lead_id end)"
            + " from qualification_decision d join leads l on l.id = d.lead_id"
            + " left join human_task t on t.lead_id = d.lead_id and t.process_id = 'xdr-handoff' and t.closed_at >= d.decided_at"
            + " where d.outcome = 'mql' and d.decided_at >= ? and d.decided_at < ? group by 1",
        row -> {
          byGroup.put(row.getString(1), new Conversion(row.getInt(2), row.getInt(3)));
        },
        start(p), end(p));
    return byGroup;
  }

  private static Map<String, BigDecimal> percents(final Map<String, Conversion> conversions) {
    final Map<String, BigDecimal> percents = new TreeMap<>();
    conversions.forEach((group, c) -> percents.put(group, c.percent()));
    return percents;
  }

  private static Timestamp start(final ReviewPeriod p) {
    return Timestamp.from(p.start());
  }

  private static Timestamp end(final ReviewPeriod p) {
    return Timestamp.from(p.end());
  }
}
