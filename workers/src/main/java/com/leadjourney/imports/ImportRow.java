package com.leadjourney.imports;

import com.leadjourney.contactintake.LeadRequest;
import com.leadjourney.lead.BuyerProfile;
import com.leadjourney.platform.StorableDates;
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
  /** Where an import's note about consent is filed: the row is imported, only not as a live journey. */
  static final String CONSENT_NOTE_COLUMN = "consent";

  /** A row that can be stored, or the reasons it cannot (column header → reason); {@code raw} as the file had it. */
  record Checked(long row, List<String> raw, LeadRequest lead, String externalId, String stageReached, Instant createdAt, Map<String, String> problems) {
    boolean ok() {
      return problems.isEmpty();
    }

    /** The lead's email, as stored (lower case); null for a lead keyed on its external id alone. */
    String email() {
      return lead.email() == null ? null : lead.toContact().email();
    }
  }

  private ImportRow() {}

  /**
   * Reads and checks one row. A row needs an email, or an external id when it is history only: a
   * journey needs a way to reach the contact.
   */
  static Checked check(final CSVRecord record, final ImportMapping mapping, final boolean startsJourney, final Validator validator, final Instant now) {
    final long row = record.getRecordNumber();
    final Map<String, String> problems = new LinkedHashMap<>();
    if (!record.isConsistent()) {
      problems.put("(row)", "has " + record.size() + " values; the header has " + record.getParser().getHeaderNames().size());
      return new Checked(row, record.toList(), null, null, null, null, problems);
    }
    final Map<String, String> values = new LinkedHashMap<>();
    for (final var field : mapping.fields().entrySet()) {
      final String column = field.getValue().column();
      final String raw = record.isMapped(column) ? record.get(column).strip() : "";
      if (raw.indexOf('\uFFFD') >= 0) {
        problems.put(column, "is not valid UTF-8 text (save the file as UTF-8)");
        continue;
      }
      final String value = field.getValue().translate(raw, problems);
      if (value != null) {
        values.put(field.getKey(), value);
      }
    }
    final String externalId = values.get(ImportMapping.EXTERNAL_ID);
    if (externalId != null && externalId.length() > 100) {
      problems.put(mapping.column(ImportMapping.EXTERNAL_ID), "must be at most 100 characters");
    }
    if (!values.containsKey("email") && !problems.containsKey(mapping.column("email"))) {
      if (startsJourney) {
        problems.put(mapping.column("email"), "is required to start a journey (the XDR needs a way to reach the contact); import the file "
            + "without starting journeys to keep such rows as history");
      } else if (externalId == null) {
        problems.put(mapping.column("email"), "is required when the row has no " + ImportMapping.EXTERNAL_ID + " (map the CRM's record id to it)");
      }
    }
    final Boolean consent = yesNo(values.get("consent"), mapping.column("consent"), problems);
    final Integer size = number(values.get("companySize"), mapping.column("companySize"), problems, Integer::valueOf);
    final Long revenue = number(values.get("annualRevenue"), mapping.column("annualRevenue"), problems, Long::valueOf);
    final Instant created = storable(instant(values.get("createdAt"), mapping.column("createdAt"), problems), true, now, mapping.column("createdAt"), problems);
    final String stage = values.get("stageReached") == null ? null : values.get("stageReached").toLowerCase(Locale.ROOT);
    if (stage != null && !STAGES.contains(stage)) {
      problems.put(mapping.column("stageReached"), "must be one of " + STAGES + ", not '" + values.get("stageReached")
          + "' (a mapping's \"values\" can translate the file's words)");
    }
    final var lead = new LeadRequest(
        values.get("email"), values.get("firstName"), values.get("lastName"), values.get("company"), values.get("title"), values.get("country"),
        values.getOrDefault("source", "import"), values.get("campaign"), consent == null ? Boolean.FALSE : consent,
        customFields(mapping, values, problems, now),
        new BuyerProfile(values.get("industry"), values.get("role"), values.get("seniority"), values.get("decisionStage"), values.get("budget"),
            values.get("pathToPurchase"), values.get("pain"), size, revenue), values.get("phone"));
    for (final var violation : validator.validate(lead)) {
      final String path = violation.getPropertyPath().toString();
      final String field = path.startsWith("profile.") ? path.substring("profile.".length()) : path;
      if (!"email".equals(field) || lead.email() != null) {
        problems.putIfAbsent(mapping.column(field), violation.getMessage());
      }
    }
    return new Checked(row, record.toList(), lead, externalId, stage, created, problems);
  }

  /** The custom fields the mapping fills, typed as it says: numbers stay numbers, so a definition can test {@code >= 10}. */
  private static Map<String, Object> customFields(
      final ImportMapping mapping, final Map<String, String> values, final Map<String, String> problems, final Instant now) {
    final Map<String, Object> custom = new LinkedHashMap<>();
    for (final String field : mapping.customFields()) {
      final String value = values.get(field);
      if (value == null) {
        continue;
      }
      final var source = mapping.source(field);
      final String name = field.substring(ImportMapping.CUSTOM.length());
      switch (source.type()) {
        case "number" -> {
          final java.math.BigDecimal number = decimal(value, source.column(), problems);
          if (number != null) {
            custom.put(name, number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValue() : (Object) number.doubleValue());
          }
        }
        case "date" -> {
          final Instant date = storable(instant(value, source.column(), problems), false, now, source.column(), problems);
          if (date != null) {
            custom.put(name, value.length() == 10 ? value : date.toString());
          }
        }
        default -> {
          if (value.length() > 500) {
            problems.put(source.column(), "is longer than 500 characters");
          } else {
            custom.put(name, value);
          }
        }
      }
    }
    return custom.isEmpty() ? null : custom;
  }

  /** A date the database can keep and, for something that happened, not in the future; null (and the reason) otherwise. */
  private static Instant storable(final Instant at, final boolean past, final Instant now, final String column, final Map<String, String> problems) {
    final String problem = at == null ? null : StorableDates.problem(at, past, now);
    if (problem != null) {
      problems.put(column, problem);
      return null;
    }
    return at;
  }

  private static java.math.BigDecimal decimal(final String value, final String column, final Map<String, String> problems) {
    try {
      return new java.math.BigDecimal(value.replace(",", "").replace("_", ""));
    } catch (final NumberFormatException e) {
      problems.put(column, "must be a number, not '" + value + "'");
      return null;
    }
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
