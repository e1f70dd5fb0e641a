package com.leadjourney.database;

import com.leadjourney.platform.ErasedPerson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scrubs an erased person from a text column of the caller's own table: rows are read, scrubbed in
 * Java ({@link ErasedPerson#scrub}) and written back only where something changed. Table and column
 * names are the caller's constants, never input.
 */
public final class ScrubbedText {

  private ScrubbedText() {}

  /** Rows of the erased lead: {@code leadColumn = leadId}. Returns how many rows changed. */
  public static int ofLead(
      final JdbcTemplate jdbc, final String table, final String keyColumn, final String textColumn, final String leadColumn,
      final ErasedPerson person) {
    return scrub(jdbc, table, keyColumn, textColumn, leadColumn + " = ?", List.of(person.leadId()), person);
  }

  /** Rows of any lead (or none) whose text mentions one of the person's identifiers. */
  public static int mentioning(
      final JdbcTemplate jdbc, final String table, final String keyColumn, final String textColumn, final ErasedPerson person) {
    if (person.identifiers().isEmpty()) {
      return 0;
    }
    final String like = "convert(" + textColumn + " using utf8mb4) like ?";
    final String where = "(" + String.join(" or ", Collections.nCopies(person.identifiers().size(), like)) + ")";
    return scrub(jdbc, table, keyColumn, textColumn, where, List.copyOf(person.likePatterns()), person);
  }

  private static int scrub(
      final JdbcTemplate jdbc, final String table, final String keyColumn, final String textColumn, final String where,
      final List<Object> args, final ErasedPerson person) {
    final var rows = jdbc.queryForList(
        "select " + keyColumn + " as k, convert(" + textColumn + " using utf8mb4) as t from " + table + " where " + textColumn + " is not null and " + where
            + " for update",
        args.toArray());
    final List<Object[]> changed = new ArrayList<>();
    for (final var row : rows) {
      final String text = (String) row.get("t");
      final String scrubbed = person.scrub(text);
      if (!Objects.equals(text, scrubbed)) {
        changed.add(new Object[] {scrubbed, row.get("k")});
      }
    }
    if (!changed.isEmpty()) {
      jdbc.batchUpdate("update " + table + " set " + textColumn + " = ? where " + keyColumn + " = ?", changed);
    }
    return changed.size();
  }
}
