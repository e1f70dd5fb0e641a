package com.leadjourney.definition;

import com.leadjourney.database.InsertOnce;
import com.leadjourney.lead.Timeline;
import com.leadjourney.lead.JourneyEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a buyer did (form fill, webinar, reply…), with its campaign: scored with decay, credited at won. */
@Service
public class Engagements {

  public record Engagement(String type, int points, String campaign, Instant occurredAt) {}

  /** The intake source says what the buyer did to become a lead. */
  private static final Map<String, String> TYPE_BY_SOURCE =
      Map.of("web-form", "form-fill", "webinar", "webinar", "event", "event", "content", "content-download", "chat", "reply");

  private final JdbcTemplate jdbc;
  private final Timeline timeline;
  private final QualificationProperties properties;

  Engagements(final JdbcTemplate jdbc, final Timeline timeline, final QualificationProperties properties) {
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.properties = properties;
  }

  /** Records the engagement once per dedupe key; true when new. Joins the caller's transaction. */
  @Transactional
  public boolean record(
      final String leadId, final String type, final String campaign, final Instant at, final String dedupeKey, final String stage) {
    final int inserted =
        InsertOnce.insert(
            jdbc, "insert into engagement (lead_id, type, points, campaign, occurred_at, dedupe_key) values (?, ?, ?, ?, ?, ?)",
            leadId, type, properties.pointsFor(type), campaign, Timestamp.from(at), dedupeKey);
    if (inserted == 1) {
      timeline.record(leadId, JourneyEvent.Type.ENGAGED, stage, type + (campaign == null ? "" : " (" + campaign + ")"), "engaged:" + dedupeKey);
    }
    return inserted == 1;
  }

  /** The first engagement: how the lead came in. */
  public void intake(final String leadId, final String source, final String campaign, final Instant at) {
    record(leadId, TYPE_BY_SOURCE.getOrDefault(source, "other"), campaign, at, "intake", "new");
  }

  /** The same email came in again while this journey is open: the buyer raised a hand again. */
  public void reengagedThroughDuplicate(final String survivorId, final String duplicateLeadId) {
    final var duplicate =
        jdbc.queryForMap("select campaign, created_at from leads where id = ?", duplicateLeadId);
    record(
        survivorId, "re-engaged", (String) duplicate.get("campaign"), ((Timestamp) duplicate.get("created_at")).toInstant(),
        "duplicate:" + duplicateLeadId, null);
  }

  public List<Engagement> of(final String leadId) {
    return jdbc.query(
        "select type, points, campaign, occurred_at from engagement where lead_id = ? order by occurred_at, id",
        (row, i) -> new Engagement(row.getString(1), row.getInt(2), row.getString(3), row.getTimestamp(4).toInstant()),
        leadId);
  }
}
