package com.leadjourney.imports;

import com.leadjourney.contactintake.LeadRequest;
import com.leadjourney.lead.BuyerProfile;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV row read through the column mapping and checked by the same rules as {@code POST
 * /api/leads} (the request's own bean validation), plus what only a file has: history columns,
 * dates, yes/no words, bytes that are not UTF-8. Problems are reported per column.
 */
final class ImportRow {

  /** Fields a file can carry; a mapping says which column holds each. */
  static final List<String> FIELDS = List.of(
      "email", "firstName", "lastName", "company", "title", "phone", "country", "source", "campaign", "consent",
      "industry", "role", "seniority", "decisionStage", "budget", "pathToPurchase", "pain", "companySize", "annualRevenue",
      "stageReached", "createdAt");
  static final List<String> STAGES = List.of("lead", "mql", "sql", "opportunity", "customer");

  /** A row that can be stored, or the reasons it cannot (column header → reason). */
  record Checked(long row, LeadRequest lead, String stageReached, Instant createdAt, Map<String, String> problems) {
    boolean ok() {
      return problems.isEmpty();
    }
  }

  private ImportRow() {}

  static Checked check(final CSVRecord record, final Map<String, String> mapping, final Validator validator) {
    final long row = record.getRecordNumber();
    final Map<String, String> problems = new LinkedHashMap<>();
    if (!record.isConsistent()) {
      problems.put("(row)", "has " + record.size() + " values; the header has " + record.getParser().getHeaderNames().size());
      return new Checked(row, null, null, null, problems);
    }
    final Map<String, String> values = new LinkedHashMap<>();
    for (final var field : mapping.entrySet()) {
      final String value = record.isMapped(field.getValue()) ? record.get(field.getValue()).strip() : "";
      if (value.indexOf('\uFFFD') >= 0) {
        problems.put(field.getValue(), "is not valid UTF-8 text (save the file as UTF-8)");
      } else if (!value.isEmpty()) {
        values.put(field.getKey(), value);
      }
    }
    if (!values.containsKey("email") && !problems.containsKey(mapping.get("email"))) {
      problems.put(mapping.get("email"), "is required");
    }
    final Boolean consent = yesNo(values.get("consent"), mapping.get("consent"), problems);
    final Integer size = number(values.get("companySize"), mapping.get("companySize"), problems, Integer::valueOf);
    final Long revenue = number(values.get("annualRevenue"), mapping.get("annualRevenue"), problems, Long::valueOf);
    final Instant created = instant(values.get("createdAt"), mapping.get("createdAt"), problems);
    final String stage = values.get("stageReached") == null ? null : values.get("stageReached").toLowerCase(Locale.ROOT);
    if (stage != null && !STAGES.contains(stage)) {
      problems.put(mapping.get("stageReached"), "must be one of " + STAGES);
    }
    final var lead = new LeadRequest(
        values.get("email"), values.get("firstName"), values.get("lastName"), values.get("company"), values.get("title"), values.get("country"),
        values.getOrDefault("source", "import"), values.get("campaign"), consent == null ? Boolean.FALSE : consent, null,
        new BuyerProfile(values.get("industry"), values.get("role"), values.get("seniority"), values.get("decisionStage"), values.get("budget"),
            values.get("pathToPurchase"), values.get("pain"), size, revenue), values.get("phone"));
    for (final var violation : validator.validate(lead)) {
      final String path = violation.getPropertyPath().toString();
      final String field = path.startsWith("profile.") ? path.substring("profile.".length()) : path;
      problems.putIfAbsent(mapping.getOrDefault(field, field), violation.getMessage());
    }
    return new Checked(row, lead, stage, created, problems);
  }

  private static Boolean yesNo(final String value, final String column, final Map<String, String> problems) {
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "opted in", "opted-in" -> true;
      case "false", "no", "n", "0", "opted out", "opted-out" -> false;
      default -> {
        problems.put(column, "must be yes or no (true/false), not '" + value + "'");
        yield null;
      }
    };
  }

  private static <T> T number(final String value, final String column, final Map<String, String> problems, final java.util.function.Function<String, T> parse) {
    if (value == null) {
      return null;
    }
    try {
      return parse.apply(value.replace(",", "").replace("_", ""));
    } catch (final NumberFormatException e) {
      problems.put(column, "must be a whole number, not '" + value + "'");
      return null;
    }
  }

  /** 2025-03-31, 2025-03-31T14:00:00 (UTC) or 2025-03-31T14:00:00+02:00. */
  private static Instant instant(final String value, final String column, final Map<String, String> problems) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return value.matches(".*([+-]\\d\\d:\\d\\d|Z)$") ? OffsetDateTime.parse(value).toInstant() : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (final DateTimeParseException e) {
      problems.put(column, "must be a date like 2025-03-31 or 2025-03-31T14:00:00, not '" + value + "'");
      return null;
    }
  }
}
