package com.leadjourney.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Reading an uploaded file: its separator, its header, its rows, and what its columns hold. */
final class ImportFiles {

  /** A column of the file with the first distinct values seen in it: what the mapping page shows. */
  record Column(String name, List<String> samples) {}

  private ImportFiles() {}

  /** Data rows in the file; a null mapping counts without asking for the email or record id column. */
  static int countRows(final byte[] csv, final ImportMapping columns) {
    try (CSVParser parser = columns == null ? plain(csv) : parser(csv, columns)) {
      int rows = 0;
      for (final CSVRecord ignored : parser) {
        rows++;
      }
      return rows;
    } catch (final IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw unreadable(e);
    }
  }

  private static CSVParser plain(final byte[] csv) throws IOException {
    return CSVFormat.DEFAULT.builder().setDelimiter(separator(csv)).setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
        .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get()
        .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
  }


  static ResponseStatusException unreadable(final Exception e) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a readable CSV file: " + e.getMessage());
  }

  /**
   * Header row first; the email or the external id column must be there; invalid UTF-8 becomes
   * U+FFFD and is reported per row. Comma, semicolon (Excel in much of Europe) or tab separated:
   * whichever the header line uses most.
   */
  static CSVParser parser(final byte[] csv, final ImportMapping columns) throws IOException {
    final CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(separator(csv)).setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
        .setIgnoreEmptyLines(true).setTrim(true).get()
        .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
    final var headers = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    if (!headers.contains(columns.column("email").toLowerCase(Locale.ROOT))
        && !headers.contains(columns.column(ImportMapping.EXTERNAL_ID).toLowerCase(Locale.ROOT))) {
      parser.close();
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "The file has no column '" + columns.column("email") + "' for the email nor '" + columns.column(ImportMapping.EXTERNAL_ID)
              + "' for the record id; its columns are " + parser.getHeaderNames() + ". Map the email or externalId field to one of them.");
    }
    return parser;
  }

  /** The separator the header line uses most, outside quotes. */
  static char separator(final byte[] csv) {
    final int[] counts = new int[3];
    boolean quoted = false;
    for (int i = 0; i < csv.length && csv[i] != '\n'; i++) {
      final byte b = csv[i];
      if (b == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        counts[0] += b == ',' ? 1 : 0;
        counts[1] += b == ';' ? 1 : 0;
        counts[2] += b == '\t' ? 1 : 0;
      }
    }
    return counts[1] > counts[0] && counts[1] >= counts[2] ? ';' : counts[2] > counts[0] ? '\t' : ',';
  }

  static String sha256(final byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }


  /** The file's columns with up to {@code samples} distinct values each, from its first 1,000 rows. */
  static List<Column> columns(final byte[] csv, final int samples) {
    try (CSVParser parser = plain(csv)) {
      final Map<String, java.util.LinkedHashSet<String>> seen = new LinkedHashMap<>();
      parser.getHeaderNames().forEach(h -> seen.put(h, new java.util.LinkedHashSet<>()));
      int read = 0;
      for (final CSVRecord record : parser) {
        if (++read > 1_000) {
          break;
        }
        for (final var column : seen.entrySet()) {
          if (column.getValue().size() < samples && record.isSet(column.getKey()) && !record.get(column.getKey()).isBlank()) {
            column.getValue().add(record.get(column.getKey()));
          }
        }
      }
      final List<Column> columns = new ArrayList<>();
      seen.forEach((name, values) -> columns.add(new Column(name, List.copyOf(values))));
      return columns;
    } catch (final IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw unreadable(e);
    }
  }

  /** The header's column names, as the file spells them. */
  static List<String> header(final byte[] csv, final ImportMapping columns) {
    try (CSVParser parser = parser(csv, columns)) {
      return List.copyOf(parser.getHeaderNames());
    } catch (final IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw unreadable(e);
    }
  }

  /** Values as one CSV line (comma separated, quoted where needed), for the rejected rows' download. */
  static String line(final List<String> values) {
    return CSVFormat.DEFAULT.format(values.toArray());
  }
}
