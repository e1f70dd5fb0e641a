package com.leadjourney.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * CSV import over the API: saved column mappings (every CRM names its export's columns its own way),
 * a preview, the import itself (202, then progress and the per-row report at its location).
 */
@RestController
class ImportController {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CSV = "text/csv";

  private final LeadImports imports;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ImportController(final LeadImports imports, final JdbcTemplate jdbc, final Clock clock) {
    this.imports = imports;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A saved mapping: {field: the column that holds it}, e.g. {"email": "Email Address", "createdAt": "Create Date"}. */
  @PutMapping("/api/import-mappings/{name}")
  Map<String, String> saveMapping(@PathVariable final String name, @RequestBody final Map<String, String> columns, final Authentication user)
      throws JsonProcessingException {
    final var unknown = columns.keySet().stream().filter(f -> !ImportRow.FIELDS.contains(f)).toList();
    if (!unknown.isEmpty() || columns.values().stream().anyMatch(c -> c == null || c.isBlank())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "Map importable fields " + ImportRow.FIELDS + " to non-empty column names" + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
    }
    jdbc.update(
        """
        insert into import_mapping (name, columns, updated_by, updated_at) values (?, ?, ?, ?)
        on duplicate key update columns = values(columns), updated_by = values(updated_by), updated_at = values(updated_at)""",
        name, JSON.writeValueAsString(columns), user.getName(), Timestamp.from(clock.instant()));
    return columns;
  }

  @GetMapping("/api/import-mappings")
  List<Map<String, Object>> mappings() {
    return jdbc.queryForList("select name, columns, updated_by, updated_at from import_mapping order by name");
  }

  @PostMapping(value = "/api/imports", consumes = CSV)
  ResponseEntity<LeadImports.Import> start(
      @RequestBody final byte[] csv, @RequestParam(required = false) final String mapping, @RequestParam(required = false) final String fileName,
      @RequestParam(defaultValue = "false") final boolean startJourneys, final Authentication user) {
    final var started = imports.start(fileName, csv, mapping(mapping), startJourneys, user.getName());
    return ResponseEntity.accepted().location(URI.create("/api/imports/" + started.id())).body(started);
  }

  @PostMapping(value = "/api/imports/preview", consumes = CSV)
  List<Map<String, Object>> preview(
      @RequestBody final byte[] csv, @RequestParam(required = false) final String mapping, @RequestParam(defaultValue = "10") final int rows) {
    return imports.preview(csv, mapping(mapping), Math.max(1, Math.min(rows, 100)));
  }

  @GetMapping("/api/imports/{id}")
  LeadImports.Import one(@PathVariable final String id) {
    return imports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import " + id));
  }

  Map<String, String> mapping(final String name) {
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
}
