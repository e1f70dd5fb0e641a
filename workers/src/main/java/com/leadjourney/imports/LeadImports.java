package com.leadjourney.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.contactintake.IntakeService;
import com.leadjourney.lead.HistoricalLeads;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * CSV imports of contacts and historical leads, in the background: rows go through the column
 * mapping and the intake rules; bad rows are reported (row, column, reason) and stored nowhere;
 * a contact whose email is known already is a duplicate, not a new lead, so importing a file again
 * creates nothing. Rows are committed in chunks with a checkpoint, so an import a crash interrupted
 * resumes where it stopped. Historical leads start no journey unless the import asks for it.
 */
@Service
public class LeadImports implements DisposableBean {

  /** An import as the API shows it. */
  public record Import(
      String id, String fileName, String state, int totalRows, int processedRows, int created, int duplicates, int rejected,
      boolean startJourneys, Instant startedAt, Instant finishedAt, String failure, String requestedBy, List<Problem> problems, int noted,
      List<Problem> notes) {}

  public record Problem(int row, String column, String reason) {}

  private static final Logger LOG = LoggerFactory.getLogger(LeadImports.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHUNK = 1_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final IntakeService intake;
  private final Validator validator;
  private final Clock clock;
  private final HistoricalLeads historicalLeads;
  private final ImportReports reports;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("lead-import").daemon().unstarted(r));

  LeadImports(
      final JdbcTemplate jdbc, final TransactionTemplate transaction, final IntakeService intake, final Validator validator, final Clock clock,
      final HistoricalLeads historicalLeads, final ImportReports reports) {
    this.historicalLeads = historicalLeads;
    this.reports = reports;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.intake = intake;
    this.validator = validator;
    this.clock = clock;
  }

  /** Stores the file and starts importing it; the mapping names each field's column (unnamed: the field's own name). */
  public Import start(final String fileName, final byte[] csv, final ImportMapping mapping, final boolean startJourneys, final String user) {
    final ImportMapping columns = mapping == null ? ImportMapping.byFieldNames() : mapping;
    final int rows = ImportFiles.countRows(csv, columns);
    final String id = UUID.randomUUID().toString();
    jdbc.update(
        """
        insert into lead_import (id, file_name, file_sha256, content, header, mapping, start_journeys, state, total_rows, requested_by, started_at)
        values (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)""",
        id, fileName, ImportFiles.sha256(csv), csv, json(ImportFiles.header(csv, columns)), json(columns.toJson()), startJourneys, rows, user,
        Timestamp.from(clock.instant()));
    runner.submit(() -> run(id));
    return reports.find(id).orElseThrow();
  }

  /**
   * Keeps an uploaded file until its columns are mapped on the page (state {@code mapping}); a file
   * nobody maps within a day is dropped at the next upload.
   */
  public String stage(final String fileName, final byte[] csv, final boolean startJourneys, final String user) {
    final int rows = ImportFiles.countRows(csv, null);
    jdbc.update("delete from lead_import where state = 'mapping' and started_at < ?", Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(1))));
    final String id = UUID.randomUUID().toString();
    jdbc.update(
        """
        insert into lead_import (id, file_name, file_sha256, content, mapping, start_journeys, state, total_rows, requested_by, started_at)
        values (?, ?, ?, ?, '{}', ?, 'mapping', ?, ?, ?)""",
        id, fileName, ImportFiles.sha256(csv), csv, startJourneys, rows, user, Timestamp.from(clock.instant()));
    return id;
  }

  /** A staged file's columns with a few values each, for the mapping page; empty when there is no such staged file. */
  public Optional<List<ImportFiles.Column>> stagedColumns(final String id) {
    return jdbc.query("select content from lead_import where id = ? and state = 'mapping'", (row, i) -> row.getBytes(1), id).stream().findFirst()
        .map(csv -> ImportFiles.columns(csv, 8));
  }

  /** Starts importing a staged file with the mapping its page built; 400 when the mapping cannot read the file. */
  public Import startStaged(final String id, final ImportMapping mapping) {
    final byte[] csv = jdbc.query("select content from lead_import where id = ? and state = 'mapping'", (row, i) -> row.getBytes(1), id).stream()
        .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No file waiting for its mapping: " + id));
    final String header = json(ImportFiles.header(csv, mapping)); // 400 when neither the email nor the record id is mapped
    jdbc.update("update lead_import set state = 'running', mapping = ?, header = ? where id = ? and state = 'mapping'", json(mapping.toJson()), header, id);
    runner.submit(() -> run(id));
    return reports.find(id).orElseThrow();
  }

  /** The first rows as they would be imported, with their problems; nothing is stored. */
  public List<Map<String, Object>> preview(final byte[] csv, final ImportMapping mapping, final boolean startJourneys, final int rows) {
    final ImportMapping columns = mapping == null ? ImportMapping.byFieldNames() : mapping;
    final List<Map<String, Object>> preview = new ArrayList<>();
    try (CSVParser parser = ImportFiles.parser(csv, columns)) {
      for (final CSVRecord record : parser) {
        if (preview.size() == rows) {
          break;
        }
        final var checked = ImportRow.check(record, columns, startJourneys, validator, clock.instant());
        final Map<String, Object> line = new LinkedHashMap<>();
        line.put("row", checked.row());
        line.put("externalId", checked.externalId());
        line.put("lead", checked.lead());
        line.put("stageReached", checked.stageReached());
        line.put("createdAt", checked.createdAt());
        line.put("problems", checked.problems());
        preview.add(line);
      }
    } catch (final IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw ImportFiles.unreadable(e); // e.g. a quote that never closes: Commons CSV stops there
    }
    return preview;
  }

  /** Imports a crash or a stop interrupted carry on from their checkpoint. */
  @EventListener(ApplicationReadyEvent.class)
  void resumeInterrupted() {
    for (final String id : jdbc.queryForList("select id from lead_import where state = 'running' order by started_at", String.class)) {
      LOG.info("Resuming import {} at its checkpoint", id);
      runner.submit(() -> run(id));
    }
  }

  private void run(final String id) {
    try {
      final var job = jdbc.queryForMap("select content, mapping, start_journeys, next_row from lead_import where id = ?", id);
      final ImportMapping columns = ImportMapping.parse(JSON.readValue((String) job.get("mapping"), new TypeReference<Map<String, Object>>() {}));
      final boolean startJourneys = Boolean.TRUE.equals(job.get("start_journeys")) || Integer.valueOf(1).equals(job.get("start_journeys"));
      final long resumeAt = ((Number) job.get("next_row")).longValue();
      try (CSVParser parser = ImportFiles.parser((byte[]) job.get("content"), columns)) {
        final List<ImportRow.Checked> chunk = new ArrayList<>(CHUNK);
        for (final CSVRecord record : parser) {
          if (record.getRecordNumber() < resumeAt) {
            continue;
          }
          chunk.add(ImportRow.check(record, columns, startJourneys, validator, clock.instant()));
          if (chunk.size() == CHUNK) {
            commit(id, chunk, startJourneys);
            chunk.clear();
          }
        }
        commit(id, chunk, startJourneys);
      }
      jdbc.update("update lead_import set state = 'done', content = null, finished_at = ? where id = ?", Timestamp.from(clock.instant()), id);
    } catch (final IOException | RuntimeException e) {
      LOG.warn("Import {} failed", id, e);
      final String message = String.valueOf(e.getMessage());
      jdbc.update("update lead_import set state = 'failed', finished_at = ?, failure = ? where id = ?",
          Timestamp.from(clock.instant()), message.substring(0, Math.min(500, message.length())), id);
    }
  }

  /** One chunk, all or nothing, with the checkpoint that says it is done. */
  private void commit(final String id, final List<ImportRow.Checked> chunk, final boolean startJourneys) {
    if (chunk.isEmpty()) {
      return;
    }
    transaction.executeWithoutResult(tx -> {
      final List<ImportRow.Checked> good = chunk.stream().filter(ImportRow.Checked::ok).toList();
      final Set<String> knownEmails = historicalLeads.known(good.stream().map(ImportRow.Checked::email).filter(e -> e != null).distinct().toList());
      final Set<String> knownIds =
          historicalLeads.knownExternalIds(good.stream().map(ImportRow.Checked::externalId).filter(e -> e != null).distinct().toList());
      final List<Object[]> problems = new ArrayList<>();
      final List<Object[]> notes = new ArrayList<>();
      chunk.stream().filter(c -> !c.ok()).forEach(c -> c.problems().forEach((column, reason) -> problems.add(new Object[] {id, c.row(), column, reason})));
      int created = 0;
      for (final ImportRow.Checked row : good) {
        // A duplicate when either key is known: the CRM's record id, or the email (the same person under another id).
        final boolean newId = row.externalId() == null || knownIds.add(row.externalId());
        final boolean newEmail = row.email() == null || knownEmails.add(row.email());
        if (!newId || !newEmail) {
          continue;
        }
        if (startJourneys && !Boolean.TRUE.equals(row.lead().consent())) {
          // No lawful basis to reach out: kept as history for the numbers, no journey, no outreach.
          history(id, row);
          notes.add(new Object[] {id, row.row(), ImportRow.CONSENT_NOTE_COLUMN, "no consent to be contacted: imported as history, no journey started"});
        } else if (startJourneys) {
          final var accepted = intake.accept(row.lead(), "import:" + id + ":" + row.row());
          if (row.externalId() != null) {
            historicalLeads.identify(accepted.lead().getId(), id, row.externalId());
          }
        } else {
          history(id, row);
        }
        created++;
      }
      jdbc.batchUpdate("insert into lead_import_problem (import_id, row_no, column_name, reason) values (?, ?, ?, ?)", problems);
      jdbc.batchUpdate("insert into lead_import_problem (import_id, row_no, column_name, reason, kind) values (?, ?, ?, ?, 'note')", notes);
      jdbc.batchUpdate("insert into lead_import_rejected_row (import_id, row_no, line) values (?, ?, ?)",
          chunk.stream().filter(c -> !c.ok()).map(c -> new Object[] {id, c.row(), ImportFiles.line(c.raw())}).toList());
      jdbc.update(
          "update lead_import set next_row = ?, created = created + ?, duplicates = duplicates + ?, rejected = rejected + ?, noted = noted + ? where id = ?",
          chunk.get(chunk.size() - 1).row() + 1, created, good.size() - created, chunk.size() - good.size(), notes.size(), id);
    });
  }

  /** A historical lead: stored with how far it got, no journey. */
  private void history(final String importId, final ImportRow.Checked row) {
    historicalLeads.store(
        importId, row.externalId(), row.lead().toContact(), row.stageReached(), row.createdAt() == null ? clock.instant() : row.createdAt(),
        "imported (row " + row.row() + ")" + (row.stageReached() == null ? "" : "; reached " + row.stageReached() + " before"));
  }

  private static String json(final Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void destroy() {
    runner.shutdownNow();
  }
}
