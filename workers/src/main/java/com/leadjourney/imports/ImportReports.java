package com.leadjourney.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.imports.LeadImports.Import;
import com.leadjourney.imports.LeadImports.Problem;
import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** What imports did: one import with its problems, the recent ones, and the rejected rows to fix and import again. */
@Service
class ImportReports {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, file_name, state, total_rows, next_row - 1, created, duplicates, rejected, start_journeys, started_at, finished_at, failure, requested_by, noted";

  private final JdbcTemplate jdbc;

  ImportReports(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Import> find(final String id) {
    final List<Problem> problems = problems(id, "rejected");
    final List<Problem> notes = problems(id, "note");
    return jdbc.query("select " + COLUMNS + " from lead_import where id = ?", (row, i) -> read(row, problems, notes), id).stream().findFirst();
  }

  private List<Problem> problems(final String id, final String kind) {
    return jdbc.query(
        "select row_no, column_name, reason from lead_import_problem where import_id = ? and kind = ? order by row_no, column_name limit 1000",
        (row, i) -> new Problem(row.getInt(1), row.getString(2), row.getString(3)), id, kind);
  }

  /** The newest imports first, without their problems. */
  List<Import> recent(final int limit) {
    return jdbc.query("select " + COLUMNS + " from lead_import order by started_at desc limit ?", (row, i) -> read(row, List.of(), List.of()), limit);
  }

  /**
   * The rejected rows as the file had them, each with its row number and its reasons in two more
   * columns: fix them in a spreadsheet and import the file again (the extra columns are ignored).
   * False when there is no such import.
   */
  boolean writeRejected(final String id, final Writer out) throws IOException {
    final List<String> header = jdbc.query("select header from lead_import where id = ?", (row, i) -> names(row.getString(1)), id)
        .stream().findFirst().orElse(null);
    if (header == null) {
      return false;
    }
    final List<String> columns = new ArrayList<>(header);
    columns.add("Import row");
    columns.add("Import problems");
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get())) {
      jdbc.query(
          """
          select r.row_no, r.line, (select group_concat(concat(p.column_name, ': ', p.reason) order by p.column_name separator '; ')
            from lead_import_problem p where p.import_id = r.import_id and p.row_no = r.row_no and p.kind = 'rejected')
          from lead_import_rejected_row r where r.import_id = ? order by r.row_no""",
          row -> {
            try {
              final List<String> values = new ArrayList<>(CSVFormat.DEFAULT.parse(new java.io.StringReader(row.getString(2))).getRecords().get(0).toList());
              while (values.size() < header.size()) {
                values.add("");
              }
              values.add(String.valueOf(row.getInt(1)));
              values.add(row.getString(3));
              printer.printRecord(values);
            } catch (final IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          },
          id);
    }
    return true;
  }

  private static List<String> names(final String json) {
    if (json == null) {
      return List.of(); // an import from before the header was kept
    }
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Import read(final ResultSet row, final List<Problem> problems, final List<Problem> notes) throws SQLException {
    return new Import(
        row.getString(1), row.getString(2), row.getString(3), row.getInt(4), row.getInt(5), row.getInt(6), row.getInt(7), row.getInt(8),
        row.getBoolean(9), row.getTimestamp(10).toInstant(), row.getTimestamp(11) == null ? null : row.getTimestamp(11).toInstant(),
        row.getString(12), row.getString(13), problems, row.getInt(14), notes);
  }
}
