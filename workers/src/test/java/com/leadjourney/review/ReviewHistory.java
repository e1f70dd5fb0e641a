package com.leadjourney.review;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/** Review history written straight into the tables (UTC minutes), so a period's numbers can be worked out by hand. */
final class ReviewHistory {

  private final JdbcTemplate jdbc;

  ReviewHistory(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static Timestamp at(final String isoMinute) {
    return Timestamp.from(LocalDateTime.parse(isoMinute).toInstant(ZoneOffset.UTC));
  }

  void lead(final String id, final String created) {
    jdbc.update(
        "insert into leads (id, email, source, consent, stage, journey_state, created_at, updated_at) values (?, ?, 'web-form', true, 'customer', 'ENDED', ?, ?)",
        id, id + "@review.test", at(created), at(created));
  }

  void decision(final String lead, final int visit, final String outcome, final String segment, final String version, final String at) {
    jdbc.update(
        """
        insert into qualification_decision (lead_id, visit, definition_version, inputs, matched_rules, fit_score, engagement_score,
          engagement_breakdown, outcome, priority, segment, decided_at) values (?, ?, ?, '{}', '[]', 60, 10, '{}', ?, 'warm', ?, ?)""",
        lead, visit, version, outcome, segment, at(at));
    if ("mql".equals(outcome)) {
      reached(lead, 1);
    }
  }

  /** What the product's FunnelSteps does when a lead moves on (1 MQL, 2 SQL, 3 opportunity, 4 won). */
  private void reached(final String lead, final int step) {
    jdbc.update("update leads set funnel_step = greatest(funnel_step, ?) where id = ?", step, lead);
  }

  private static final java.util.concurrent.atomic.AtomicLong TASK_KEYS = new java.util.concurrent.atomic.AtomicLong(7_700_000_000_000L);

  /** A human task; firstTouch, closed and outcome may be null. */
  void task(
      final String lead, final String process, final String created, final String due, final String firstTouch, final String closed,
      final String outcome) {
    jdbc.update(
        """
        insert into human_task (user_task_key, lead_id, process_instance_key, element_id, assignee, due_at, state, outcome, created_at, closed_at,
          process_id, visit, first_touch_at) values (?, ?, 1, 'WorkLead', 'review-xdr', ?, ?, ?, ?, ?, ?, 1, ?)""",
        TASK_KEYS.getAndIncrement(), lead, at(due), closed == null ? "OPEN" : "COMPLETED", outcome, at(created), closed == null ? null : at(closed), process,
        firstTouch == null ? null : at(firstTouch));
    if ("xdr-handoff".equals(process) && "meeting-booked".equals(outcome)) {
      reached(lead, 2);
    }
  }

  void event(final String lead, final String type, final String stage, final String at) {
    jdbc.update(
        "insert into journey_event (lead_id, type, stage, occurred_at, dedupe_key) values (?, ?, ?, ?, ?)",
        lead, type, stage, at(at), type + ":" + stage + ":" + at);
  }

  void feedback(final String lead, final String reason, final String at) {
    jdbc.update(
        "insert into feedback (lead_id, stage, outcome, reason, recorded_at, dedupe_key) values (?, 'xdr-handoff', 'recycle', ?, ?, ?)",
        lead, reason, at(at), "review:" + at);
  }

  void opportunity(final String id, final String lead, final String opened, final int amount, final String stage, final String closed, final String reason) {
    jdbc.update(
        "insert into opportunity (id, lead_id, visit, stage, amount, reason, opened_at, closed_at, stalled_at) values (?, ?, 1, ?, ?, ?, ?, ?, ?)",
        id, lead, stage, amount, reason, at(opened), closed == null ? null : at(closed), at(opened));
    reached(lead, "closed-won".equals(stage) ? 4 : 3);
  }

  void role(final String opportunity, final String lead, final boolean confirmed) {
    jdbc.update("insert into opportunity_contact_role (opportunity_id, lead_id, role, confirmed) values (?, ?, 'champion', ?)", opportunity, lead, confirmed);
  }

  void engagement(final String lead, final String campaign, final String at) {
    jdbc.update(
        "insert into engagement (lead_id, type, points, campaign, occurred_at, dedupe_key) values (?, 'webinar', 10, ?, ?, ?)",
        lead, campaign, at(at), "review:" + campaign);
  }

  void credit(final String opportunity, final String campaign, final int amount, final String at) {
    jdbc.update(
        "insert into attribution_credit (opportunity_id, model, campaign, share, amount, credited_at) values (?, 'w-shaped', ?, 0.5, ?, ?)",
        opportunity, campaign, amount, at(at));
  }
}
