package com.leadjourney.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The audit trail of human decisions — a task claimed, completed or reassigned, a deal changed, a
 * definition proposed or signed: who, when, what, before → after. Written in the caller's
 * transaction, so a decision that did not happen leaves no line.
 */
@Service
public class Audit {

  /** One line of the trail. */
  public record Entry(String actor, String action, String subjectType, String subjectId, String leadId, Map<String, Object> before,
      Map<String, Object> after, Instant occurredAt) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json; // the app's: dates, amounts and records as the API writes them
  private final Clock clock;

  Audit(final JdbcTemplate jdbc, final ObjectMapper json, final Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** A state as name/value pairs, in that order; nulls stay visible as null. */
  public static Map<String, Object> state(final Object... pairs) {
    final Map<String, Object> state = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      state.put((String) pairs[i], pairs[i + 1]);
    }
    return state;
  }

  public void record(
      final String actor, final String action, final String subjectType, final String subjectId, final String leadId,
      final Map<String, ?> before, final Map<String, ?> after) {
    jdbc.update(
        """
        insert into audit_event (actor, action, subject_type, subject_id, lead_id, before_state, after_state, occurred_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""",
        actor, action, subjectType, subjectId, leadId, json(before), json(after), Timestamp.from(clock.instant()));
  }

  /** Takes back what was recorded of a subject in this transaction's change that did not happen after all (rolled back by hand). */
  public void withdraw(final String subjectType, final String subjectId) {
    jdbc.update("delete from audit_event where subject_type = ? and subject_id = ?", subjectType, subjectId);
  }

  public List<Entry> ofLead(final String leadId) {
    return query("where lead_id = ?", leadId);
  }

  public List<Entry> ofSubject(final String subjectType, final String subjectId) {
    return query("where subject_type = ? and subject_id = ?", subjectType, subjectId);
  }

  private List<Entry> query(final String where, final Object... args) {
    return jdbc.query(
        "select actor, action, subject_type, subject_id, lead_id, before_state, after_state, occurred_at from audit_event " + where + " order by id",
        (row, i) -> new Entry(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), map(row.getString(6)),
            map(row.getString(7)), row.getTimestamp(8).toInstant()),
        args);
  }

  private String json(final Map<String, ?> state) {
    try {
      return state == null ? null : json.writeValueAsString(state);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> map(final String text) {
    try {
      return text == null ? null : json.readValue(text, new TypeReference<>() {});
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
