package com.leadjourney.definition;

import com.leadjourney.lead.Lead;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The leads created in a span with what a definition judges (the agreed fields, the custom fields,
 * the engagement a decision measured) and how far each really got: what a replay counts and what a
 * suggestion learns from. Streamed row by row, never 100,000 rows at once.
 */
@Component
class LeadHistory {

  /** One lead as history: its fields by name (null where unknown) and its outcome. */
  record Judged(
      String id, String source, Map<String, Object> fields, Double engagement, boolean sql, boolean opportunity, boolean won, boolean ended) {

    /** Converted, or its journey is over: a lead still on its way has no outcome yet to learn from. */
    boolean outcomeKnown() {
      return sql || ended;
    }

    Integer companySize() {
      return fields.get("companySize") instanceof Number n ? n.intValue() : null;
    }
  }

  /** Engagement is judged only where a decision measured it; imported leads are judged on fit. */
  private static final String HISTORY =
      """
      select l.id, l.source, l.industry, l.role, l.seniority, l.decision_stage, l.budget, l.path_to_purchase, l.pain, l.company_size, l.annual_revenue,
        l.history_stage, l.custom_fields,
        exists (select 1 from human_task t where t.lead_id = l.id and t.process_id = 'xdr-handoff' and t.outcome = 'meeting-booked'),
        exists (select 1 from opportunity o where o.lead_id = l.id),
        exists (select 1 from opportunity o where o.lead_id = l.id and o.stage = 'closed-won'),
        (select d.engagement_score from qualification_decision d where d.lead_id = l.id order by d.visit desc limit 1),
        l.journey_state
      from leads l where l.merged_into is null and l.created_at >= ? and l.created_at < ?""";

  private final JdbcTemplate streaming;

  LeadHistory(final DataSource dataSource) {
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(Integer.MIN_VALUE); // Connector/J streams row by row instead of loading 100k rows
  }

  void each(final Timestamp from, final Timestamp until, final Consumer<Judged> consumer) {
    streaming.query(HISTORY, row -> {
      final Map<String, Object> fields = new HashMap<>();
      for (int i = 0; i < DefinitionDmn.FIELDS.size(); i++) {
        fields.put(DefinitionDmn.FIELDS.get(i)[0], row.getObject(i + 3));
      }
      fields.put("customFields", Lead.customFieldsMap(row.getString(13)));
      final double engagement = row.getDouble(17);
      final Double measured = row.wasNull() ? null : engagement;
      final String history = row.getString(12);
      final boolean won = row.getBoolean(16) || "customer".equals(history);
      final boolean opportunity = won || row.getBoolean(15) || "opportunity".equals(history);
      final boolean sql = opportunity || row.getBoolean(14) || "sql".equals(history);
      consumer.accept(new Judged(row.getString(1), row.getString(2), fields, measured, sql, opportunity, won, "ENDED".equals(row.getString(18))));
    }, from, until);
  }

  /** Whether the definition's thresholds qualify a lead of this fit (engagement only where it was measured). */
  static boolean qualified(final DefinitionEvaluator.Fit fit, final Double engagement, final Definitions.Thresholds thresholds) {
    return !fit.disqualified() && fit.points() >= thresholds.mqlFit() && (engagement == null || engagement >= thresholds.mqlEngagement());
  }
}
