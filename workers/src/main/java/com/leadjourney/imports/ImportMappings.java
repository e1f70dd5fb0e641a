package com.leadjourney.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** Saved column mappings for other CRMs' exports: {field: the column that holds it}. */
@Service
class ImportMappings {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ImportMappings(final JdbcTemplate jdbc, final Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Map<String, String> save(final String name, final Map<String, String> columns, final String by) {
    final var unknown = columns.keySet().stream().filter(f -> !ImportRow.FIELDS.contains(f)).toList();
    if (!unknown.isEmpty() || columns.values().stream().anyMatch(c -> c == null || c.isBlank())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "Map importable fields " + ImportRow.FIELDS + " to non-empty column names" + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
    }
    jdbc.update(
        """
        insert into import_mapping (name, columns, updated_by, updated_at) values (?, ?, ?, ?)
        on duplicate key update columns = values(columns), updated_by = values(updated_by), updated_at = values(updated_at)""",
        name, json(columns), by, Timestamp.from(clock.instant()));
    return columns;
  }

  List<Map<String, Object>> all() {
    return jdbc.queryForList("select name, columns, updated_by, updated_at from import_mapping order by name");
  }

  List<String> names() {
    return jdbc.queryForList("select name from import_mapping order by name", String.class);
  }

  /** The saved mapping; null for none asked; 400 for a name nobody saved. */
  Map<String, String> named(final String name) {
    if (name == null) {
      return null;
    }
    final var saved = jdbc.queryForList("select columns from import_mapping where name = ?", String.class, name);
    if (saved.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No saved mapping '" + name + "'; save it with PUT /api/import-mappings/" + name);
    }
    try {
      return JSON.readValue(saved.get(0), new TypeReference<>() {});
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(final Map<String, String> columns) {
    try {
      return JSON.writeValueAsString(columns);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the mapping", e);
    }
  }
}
