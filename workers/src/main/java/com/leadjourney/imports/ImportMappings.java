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

/** Saved column mappings for other CRMs' exports (see {@link ImportMapping} for the format). */
@Service
class ImportMappings {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ImportMappings(final JdbcTemplate jdbc, final Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Checks the mapping (400 with the reason) and saves it as written, so it reads back the same. */
  Map<String, Object> save(final String name, final Map<String, Object> columns, final String by) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A mapping's name is 1-100 letters, digits, spaces, '.', '_' or '-'");
    }
    ImportMapping.parse(columns);
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
  ImportMapping named(final String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    final var saved = jdbc.queryForList("select columns from import_mapping where name = ?", String.class, name);
    if (saved.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No saved mapping '" + name + "'; save it with PUT /api/import-mappings/" + name);
    }
    try {
      return ImportMapping.parse(JSON.readValue(saved.get(0), new TypeReference<Map<String, Object>>() {}));
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(final Map<String, Object> columns) {
    try {
      return JSON.writeValueAsString(columns);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the mapping", e);
    }
  }
}
