package com.leadjourney.imports;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

  private static final String CSV = "text/csv";

  private final LeadImports imports;
  private final ImportMappings mappings;

  private final ImportReports reports;

  ImportController(final LeadImports imports, final ImportMappings mappings, final ImportReports reports) {
    this.imports = imports;
    this.mappings = mappings;
    this.reports = reports;
  }

  /** A saved mapping: {field: the column that holds it}, e.g. {"email": "Email Address", "createdAt": "Create Date"}. */
  @PutMapping("/api/import-mappings/{name}")
  Map<String, Object> saveMapping(@PathVariable final String name, @RequestBody final Map<String, Object> columns, final Authentication user) {
    return mappings.save(name, columns, user.getName());
  }

  @GetMapping("/api/import-mappings")
  List<Map<String, Object>> mappings() {
    return mappings.all();
  }

  @PostMapping(value = "/api/imports", consumes = CSV)
  ResponseEntity<LeadImports.Import> start(
      @RequestBody(required = false) final byte[] csv, @RequestParam(required = false) final String mapping, @RequestParam(required = false) final String fileName,
      @RequestParam(defaultValue = "false") final boolean startJourneys, final Authentication user) {
    final var started = imports.start(fileName, nonEmpty(csv), mappings.named(mapping), startJourneys, user.getName());
    return ResponseEntity.accepted().location(URI.create("/api/imports/" + started.id())).body(started);
  }

  @PostMapping(value = "/api/imports/preview", consumes = CSV)
  List<Map<String, Object>> preview(
      @RequestBody(required = false) final byte[] csv, @RequestParam(required = false) final String mapping, @RequestParam(defaultValue = "10") final int rows,
      @RequestParam(defaultValue = "false") final boolean startJourneys) {
    return imports.preview(nonEmpty(csv), mappings.named(mapping), startJourneys, Math.max(1, Math.min(rows, 100)));
  }

  @GetMapping("/api/imports/{id}")
  LeadImports.Import one(@PathVariable final String id) {
    return reports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import " + id));
  }

  /** The newest imports first (50), without their problems. */
  @GetMapping("/api/imports")
  List<LeadImports.Import> recent() {
    return reports.recent(50);
  }

  /** The file's columns with a few values each, for choosing a mapping; nothing is stored. */
  @PostMapping(value = "/api/imports/columns", consumes = CSV)
  List<ImportFiles.Column> columns(@RequestBody(required = false) final byte[] csv) {
    return ImportFiles.columns(nonEmpty(csv), 5);
  }

  /** The rejected rows as the file had them, with their row and reasons: fix and import again. */
  @GetMapping(value = "/api/imports/{id}/rejected", produces = "text/csv")
  void rejected(@PathVariable final String id, final jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
    ImportDownloads.rejected(reports, id, response);
  }

  /** An empty upload is a CSV problem, said in CSV words (not "not valid JSON"). */
  private static byte[] nonEmpty(final byte[] csv) {
    if (csv == null || csv.length == 0) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The CSV file is empty: send it with its header row first");
    }
    return csv;
  }
}
