package com.leadjourney.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A second form fill for a contact whose journey is open merges into that journey; what the new
 * fill says that the open lead does not (a last name, a new title, a company size) is kept on it —
 * a newer non-empty value wins, an empty one never erases — and the change is returned for the
 * timeline.
 */
@Repository
public class ContactMerge {

  /** Column → what people call it. */
  private static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("first_name", "first name");
    FIELDS.put("last_name", "last name");
    FIELDS.put("company", "company");
    FIELDS.put("title", "title");
    FIELDS.put("phone", "phone");
    FIELDS.put("country", "country");
    FIELDS.put("industry", "industry");
    FIELDS.put("role", "role");
    FIELDS.put("seniority", "seniority");
    FIELDS.put("decision_stage", "decision stage");
    FIELDS.put("budget", "budget");
    FIELDS.put("path_to_purchase", "path to purchase");
    FIELDS.put("pain", "pain");
    FIELDS.put("company_size", "company size");
    FIELDS.put("annual_revenue", "annual revenue");
  }

  private final JdbcTemplate jdbc;

  ContactMerge(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static final java.util.regex.Pattern FORMER_IDENTIFIER = java.util.regex.Pattern.compile("(?:first name|last name|phone|title): ([^;]+?) → ");

  /** The values a merge replaced in identifying fields, read back from its timeline line: an erasure scrubs those too. */
  static List<String> formerIdentifiers(final String mergeDetail) {
    return FORMER_IDENTIFIER.matcher(mergeDetail == null ? "" : mergeDetail).results().map(m -> m.group(1)).filter(v -> !"–".equals(v)).toList();
  }

  /** Copies the newer lead's non-empty values the survivor lacks or has otherwise; "last name: – → Lovelace" for each. */
  public List<String> absorb(final String survivorId, final String newerId, final Instant now) {
    final String columns = String.join(", ", FIELDS.keySet());
    final Map<String, Object> survivor = jdbc.queryForMap("select " + columns + " from leads where id = ?", survivorId);
    final Map<String, Object> newer = jdbc.queryForMap("select " + columns + " from leads where id = ?", newerId);
    final List<String> changes = new ArrayList<>();
    final List<String> sets = new ArrayList<>();
    final List<Object> values = new ArrayList<>();
    for (final var field : FIELDS.entrySet()) {
      final Object was = survivor.get(field.getKey());
      final Object given = newer.get(field.getKey());
      if (given == null || String.valueOf(given).isBlank() || Objects.equals(String.valueOf(was), String.valueOf(given))) {
        continue;
      }
      changes.add(field.getValue() + ": " + (was == null ? "–" : was) + " → " + given);
      sets.add(field.getKey() + " = ?");
      values.add(given);
    }
    if (!sets.isEmpty()) {
      values.add(Timestamp.from(now));
      values.add(survivorId);
      jdbc.update("update leads set " + String.join(", ", sets) + ", updated_at = ? where id = ?", values.toArray());
    }
    return changes;
  }
}
