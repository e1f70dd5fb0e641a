package com.leadjourney.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.contactintake.IntakeService;
import com.leadjourney.lead.HistoricalLeads;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.csv.CSVFormat;
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
      boolean startJourneys, Instant startedAt, Instant finishedAt, String failure, List<Problem> problems) {}

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
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("lead-import").daemon().unstarted(r));

  LeadImports(
      final JdbcTemplate jdbc, final TransactionTemplate transaction, final IntakeService intake, final Validator validator, final Clock clock,
      final HistoricalLeads historicalLeads) {
    this.historicalLeads = historicalLeads;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.intake = intake;
    this.validator = validator;
    this.clock = clock;
  }

  /** Stores the file and starts importing it; the mapping names each field's column (unnamed: the field's own name). */
  public Import start(final String fileName, final byte[] csv, final Map<String, String> mapping, final boolean startJourneys, final String user) {
    final Map<String, String> columns = columns(mapping);
    final int rows = countRows(csv, columns);
    final String id = UUID.randomUUID().toString();
    jdbc.update(
        """
        insert into lead_import (id, file_name, file_sha256, content, mapping, start_journeys, state, total_rows, requested_by, started_at)
        values (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)""",
        id, fileName, sha256(csv), csv, json(columns), startJourneys, rows, user, Timestamp.from(clock.instant()));
    runner.submit(() -> run(id));
    return find(id).orElseThrow();
  }

  /** The first rows as they would be imported, with their problems; nothing is stored. */
  public List<Map<String, Object>> preview(final byte[] csv, final Map<String, String> mapping, final int rows) {
    final Map<String, String> columns = columns(mapping);
    final List<Map<String, Object>> preview = new ArrayList<>();
    try (CSVParser parser = parser(csv, columns)) {
      for (final CSVRecord record : parser) {
        if (preview.size() == rows) {
          break;
        }
        final var checked = ImportRow.check(record, columns, validator);
        final Map<String, Object> line = new LinkedHashMap<>();
        line.put("row", checked.row());
        line.put("lead", checked.lead());
        line.put("stageReached", checked.stageReached());
        line.put("createdAt", checked.createdAt());
        line.put("problems", checked.problems());
        preview.add(line);
      }
    } catch (final IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw unreadable(e); // e.g. a quote that never closes: Commons CSV stops there
    }
    return preview;
  }

  public Optional<Import> find(final String id) {
    final List<Problem> problems = jdbc.query(
        "select row_no, column_name, reason from lead_import_problem where import_id = ? order by row_no, column_name",
        (row, i) -> new Problem(row.getInt(1), row.getString(2), row.getString(3)), id);
    return jdbc.query(
            """
            select id, file_name, state, total_rows, next_row - 1, created, duplicates, rejected, start_journeys, started_at, finished_at, failure
            from lead_import where id = ?""",
            (row, i) -> new Import(
                row.getString(1), row.getString(2), row.getString(3), row.getInt(4), row.getInt(5), row.getInt(6), row.getInt(7), row.getInt(8),
                row.getBoolean(9), row.getTimestamp(10).toInstant(), row.getTimestamp(11) == null ? null : row.getTimestamp(11).toInstant(),
                row.getString(12), problems),
            id)
        .stream().findFirst();
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
      final Map<String, String> columns = JSON.readValue((String) job.get("mapping"), new TypeReference<>() {});
      final boolean startJourneys = Boolean.TRUE.equals(job.get("start_journeys")) || Integer.valueOf(1).equals(job.get("start_journeys"));
      final long resumeAt = ((Number) job.get("next_row")).longValue();
      try (CSVParser parser = parser((byte[]) job.get("content"), columns)) {
        final List<ImportRow.Checked> chunk = new ArrayList<>(CHUNK);
        for (final CSVRecord record : parser) {
          if (record.getRecordNumber() < resumeAt) {
            continue;
          }
          chunk.add(ImportRow.check(record, columns, validator));
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
      final Set<String> known = knownEmails(good);
      final List<Object[]> problems = new ArrayList<>();
      chunk.stream().filter(c -> !c.ok()).forEach(c -> c.problems().forEach((column, reason) -> problems.add(new Object[] {id, c.row(), column, reason})));
      int created = 0;
      for (final ImportRow.Checked row : good) {
        if (!known.add(row.lead().toContact().email())) {
          continue;
        }
        if (startJourneys) {
          intake.accept(row.lead(), "import:" + id + ":" + row.row());
        } else {
          history(id, row);
        }
        created++;
      }
      jdbc.batchUpdate("insert into lead_import_problem (import_id, row_no, column_name, reason) values (?, ?, ?, ?)", problems);
      jdbc.update(
          "update lead_import set next_row = ?, created = created + ?, duplicates = duplicates + ?, rejected = rejected + ? where id = ?",
          chunk.get(chunk.size() - 1).row() + 1, created, good.size() - created, chunk.size() - good.size(), id);
    });
  }

  /** Emails of the chunk's rows that are leads already. */
  private Set<String> knownEmails(final List<ImportRow.Checked> rows) {
    return historicalLeads.known(rows.stream().map(r -> r.lead().toContact().email()).distinct().toList());
  }

  /** A historical lead: stored with how far it got, no journey. */
  private void history(final String importId, final ImportRow.Checked row) {
    historicalLeads.store(
        importId, row.lead().toContact(), row.stageReached(), row.createdAt() == null ? clock.instant() : row.createdAt(),
        "imported (row " + row.row() + ")" + (row.stageReached() == null ? "" : "; reached " + row.stageReached() + " before"));
  }

  private static Map<String, String> columns(final Map<String, String> mapping) {
    final Map<String, String> columns = new LinkedHashMap<>();
    for (final String field : ImportRow.FIELDS) {
      columns.put(field, mapping == null ? field : mapping.getOrDefault(field, field));
    }
    if (mapping != null) {
      for (final String field : mapping.keySet()) {
        if (!ImportRow.FIELDS.contains(field)) {
          throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + field + "' is not an importable field; fields are " + ImportRow.FIELDS);
        }
      }
    }
    return columns;
  }

  private static int countRows(final byte[] csv, final Map<String, String> columns) {
    try (CSVParser parser = parser(csv, columns)) {
      int rows = 0;
      for (final CSVRecord ignored : parser) {
        rows++;
      }
      return rows;
    } catch (final IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw unreadable(e);
    }
  }

  private static ResponseStatusException unreadable(final Exception e) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a readable CSV file: " + e.getMessage());
  }

  /** Header row first; the email column must be there; invalid UTF-8 becomes U+FFFD and is reported per row. */
  private static CSVParser parser(final byte[] csv, final Map<String, String> columns) throws IOException {
    final CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).setTrim(true).get()
        .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
    final var headers = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    if (!headers.contains(columns.get("email").toLowerCase(Locale.ROOT))) {
      parser.close();
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "The file has no column '" + columns.get("email") + "' for the email; its columns are " + parser.getHeaderNames()
              + ". Map the email field to one of them.");
    }
    return parser;
  }

  private static String sha256(final byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
