package com.leadjourney.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Leads imported as history: stored with how far they got and no journey, one timeline line each.
 * Plain inserts, not the entity, because an import stores them by the hundred thousand.
 */
@Repository
public class HistoricalLeads {

  private static final int IN_LIST = 500;

  private final JdbcTemplate jdbc;

  HistoricalLeads(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The emails that belong to a lead already. */
  public Set<String> known(final List<String> emails) {
    return present("email", emails);
  }

  /** The source CRMs' record ids that belong to a lead already. */
  public Set<String> knownExternalIds(final List<String> ids) {
    return present("external_id", ids);
  }

  private Set<String> present(final String column, final List<String> values) {
    final Set<String> known = new HashSet<>();
    for (int i = 0; i < values.size(); i += IN_LIST) {
      final List<String> part = values.subList(i, Math.min(values.size(), i + IN_LIST));
      known.addAll(jdbc.queryForList(
          "select " + column + " from leads where " + column + " in (" + String.join(",", Collections.nCopies(part.size(), "?")) + ")", String.class,
          part.toArray()));
    }
    return known;
  }

  /** A live lead an import started: which import, and its record id in the CRM it came from. */
  public void identify(final String leadId, final String importId, final String externalId) {
    jdbc.update("update leads set import_id = ?, external_id = ? where id = ?", importId, externalId, leadId);
  }

  /** Stores one, created at {@code createdAt}, with {@code detail} on its LEAD_ACCEPTED line; returns its id. */
  public String store(
      final String importId, final String externalId, final Contact c, final String stageReached, final Instant createdAt, final String detail) {
    final var p = c.profile().normalised();
    final Timestamp created = Timestamp.from(createdAt);
    final String id = UUID.randomUUID().toString();
    jdbc.update(
        """
        insert into leads (id, external_id, custom_fields, email, first_name, last_name, company, title, phone, country, source, campaign, consent, stage, journey_state, journey_result,
          industry, role, seniority, decision_stage, budget, path_to_purchase, pain, company_size, annual_revenue, history_stage, funnel_step, import_id,
          created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'imported', 'ENDED', 'imported', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, externalId, c.customFieldsJson(), c.email(), c.firstName(), c.lastName(), c.company(), c.title(), c.phone(), c.country(), c.source(), c.campaign(), c.consent(),
        p.industry(), p.role(), p.seniority(), p.decisionStage(), p.budget(), p.pathToPurchase(), p.pain(), p.companySize(), p.annualRevenue(),
        stageReached, FunnelSteps.ofHistory(stageReached), importId, created, created);
    jdbc.update(
        "insert into journey_event (lead_id, type, stage, detail, occurred_at, dedupe_key) values (?, 'LEAD_ACCEPTED', 'imported', ?, ?, 'accepted')",
        id, detail, created);
    return id;
  }
}
