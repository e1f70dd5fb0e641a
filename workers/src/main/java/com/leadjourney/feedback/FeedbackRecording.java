package com.leadjourney.feedback;

import com.leadjourney.database.InsertOnce;
import com.leadjourney.engine.JourneyMessages;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Lead;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import com.leadjourney.definition.QualificationDecisions;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes the loop: why sales recycled, disqualified, rejected or lost a lead, stored with its
 * source, campaign and definition version for marketing, counted, and sent to nurture as a
 * message when the lead goes back there.
 */
@Service
class FeedbackRecording {

  static final String NURTURE = "nurture";
  static final String END = "end";

  private final JdbcTemplate jdbc;
  private final LeadRepository leads;
  private final Timeline timeline;
  private final QualificationDecisions decisions;
  private final JourneyMessages messages;
  private final MeterRegistry meters;
  private final Clock clock;

  FeedbackRecording(
      final JdbcTemplate jdbc,
      final LeadRepository leads,
      final Timeline timeline,
      final QualificationDecisions decisions,
      final JourneyMessages messages,
      final MeterRegistry meters,
      final Clock clock) {
    this.jdbc = jdbc;
    this.leads = leads;
    this.timeline = timeline;
    this.decisions = decisions;
    this.messages = messages;
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Idempotent per stage visit. Returns where the lead goes next: nurture, or the end for reasons
   * that no later timing fixes (wrong fit, competitor chosen, duplicate, bad data).
   */
  @Transactional
  String record(final String leadId, final String stage, final String outcome, final String reasonCode, final String objections) {
    final FeedbackReason reason = FeedbackReason.of(reasonCode, outcome);
    final Lead lead = leads.existing(leadId);
    final String dedupeKey = "feedback:" + stage + ":" + timeline.visitOf(leadId, stage);
    // A lost opportunity always goes back to nurture (lead-journey); so does a recycle.
    final boolean toNurture = !"disqualify".equals(outcome) && (reason.worthNurturing() || "lost".equals(outcome) || "recycle".equals(outcome));
    final String next = toNurture ? NURTURE : END;
    final String version = decisions.definitionVersionOf(leadId);
    final int inserted =
        InsertOnce.insert(
            jdbc, """
            insert into feedback (lead_id, stage, outcome, reason, objections, source, campaign, definition_version,
              recorded_at, dedupe_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            leadId, stage, outcome, reason.code(), objections, lead.getSource(), lead.getCampaign(), version,
            Timestamp.from(clock.instant()), dedupeKey);
    if (inserted == 0) {
      return next;
    }
    timeline.record(
        leadId, JourneyEvent.Type.FEEDBACK_RECORDED, stage,
        outcome + ": " + reason.code() + (objections == null ? "" : "; objections: " + objections) + " -> " + next, dedupeKey);
    AfterCommit.run(
        () -> meters.counter("leadjourney.feedback", "stage", stage, "outcome", outcome, "reason", reason.code(),
                "definition_version", version == null ? "none" : version)
            .increment());
    if (toNurture) {
      final Map<String, Object> variables = new HashMap<>();
      variables.put("feedbackReason", reason.code());
      // Kept a day: nurture subscribes as soon as lead-journey calls it.
      messages.publishAfterCommit("sales-feedback", leadId, dedupeKey, Duration.ofDays(1), variables);
    }
    return next;
  }
}
