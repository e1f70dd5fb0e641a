package com.leadjourney.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * How another CRM's export becomes leads: for each field the column that holds it, and, where that
 * CRM speaks another vocabulary, how its values translate ({@code "1" → "customer"}). A field is
 * one of the importable fields, {@code externalId} (the source's record id, a dedupe key beside or
 * instead of email) or {@code customFields.<name>} typed string, number or date.
 *
 * <p>JSON: {@code {"email": "Email Address", "stageReached": {"column": "Converted", "values": {"1":
 * "customer", "0": "lead"}}, "customFields.timeOnSite": {"column": "Total Time Spent", "type": "number"}}}.
 */
record ImportMapping(Map<String, Source> fields) {

  static final String EXTERNAL_ID = "externalId";
  static final String CUSTOM = "customFields.";
  static final List<String> TYPES = List.of("string", "number", "date");
  private static final Pattern CUSTOM_FIELD = Pattern.compile("customFields\\.[A-Za-z][A-Za-z0-9_]{0,39}");
  private static final int MAX_CUSTOM_FIELDS = 50;

  /**
   * Where one field comes from. {@code values} translates the file's words (matched exactly, then
   * ignoring case); a value it does not list rejects the row, or passes through as it is when {@code
   * keepUnmapped}.
   */
  record Source(String column, String type, Map<String, String> values, boolean keepUnmapped) {

    /** The field's value in the row, translated; null when blank. Unlisted values land in {@code unlisted}. */
    String translate(final String raw, final Map<String, String> unlisted) {
      if (raw == null || raw.isEmpty() || values == null || values.isEmpty()) {
        return raw == null || raw.isEmpty() ? null : raw;
      }
      final String exact = values.get(raw);
      if (exact != null) {
        return exact;
      }
      for (final var entry : values.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(raw)) {
          return entry.getValue();
        }
      }
      if (!keepUnmapped) {
        unlisted.put(column, "'" + raw + "' is not among the mapping's values " + new java.util.TreeSet<>(values.keySet()));
        return null;
      }
      return raw;
    }
  }

  /** No mapping given: every field from the column of its own name. */
  static ImportMapping byFieldNames() {
    return parse(null);
  }

  /**
   * Reads a mapping as the API and the page send it; fields it does not name come from the column
   * of their own name. Anything it cannot use is a 400 that says what to change.
   */
  static ImportMapping parse(final Map<String, ?> json) {
    final Map<String, Source> fields = new LinkedHashMap<>();
    for (final String field : ImportRow.FIELDS) {
      fields.put(field, new Source(field, "string", null, false));
    }
    fields.put(EXTERNAL_ID, new Source(EXTERNAL_ID, "string", null, false));
    if (json == null) {
      return new ImportMapping(fields);
    }
    long custom = 0;
    for (final var entry : json.entrySet()) {
      final String field = entry.getKey();
      if (field.startsWith(CUSTOM)) {
        if (!CUSTOM_FIELD.matcher(field).matches()) {
          throw bad("'" + field + "': a custom field is customFields.<name>, the name 1-40 letters, digits or '_', starting with a letter");
        }
        custom++;
      } else if (!fields.containsKey(field)) {
        throw bad("'" + field + "' is not an importable field; fields are " + ImportRow.FIELDS + ", " + EXTERNAL_ID + " and customFields.<name>");
      }
      fields.put(field, source(field, entry.getValue()));
    }
    if (custom > MAX_CUSTOM_FIELDS) {
      throw bad("a mapping may fill at most " + MAX_CUSTOM_FIELDS + " custom fields, not " + custom);
    }
    return new ImportMapping(fields);
  }

  private static Source source(final String field, final Object spec) {
    if (spec instanceof String column) {
      return new Source(column(field, column), "string", null, false);
    }
    if (!(spec instanceof Map<?, ?> map)) {
      throw bad("'" + field + "' must name a column (\"Email Address\") or be {\"column\": …, \"values\": {…}}");
    }
    final String column = column(field, map.get("column") instanceof String s ? s : null);
    final String type = map.get("type") == null ? "string" : String.valueOf(map.get("type")).toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw bad("'" + field + "': type must be one of " + TYPES + ", not '" + map.get("type") + "'");
    }
    if (!"string".equals(type) && !field.startsWith(CUSTOM)) {
      throw bad("'" + field + "': only custom fields take a type; the importable fields have theirs");
    }
    final Object unmapped = map.get("unmapped");
    if (unmapped != null && !"reject".equals(unmapped) && !"keep".equals(unmapped)) {
      throw bad("'" + field + "': unmapped must be \"reject\" (the row is reported) or \"keep\" (the value passes through), not '" + unmapped + "'");
    }
    return new Source(column, type, values(field, map.get("values")), "keep".equals(unmapped));
  }

  private static Map<String, String> values(final String field, final Object values) {
    if (values == null) {
      return null;
    }
    if (!(values instanceof Map<?, ?> map) || map.values().stream().anyMatch(v -> !(v instanceof String))) {
      throw bad("'" + field + "': values must map the file's words to the field's, e.g. {\"1\": \"customer\", \"0\": \"lead\"}");
    }
    final Map<String, String> translated = new LinkedHashMap<>();
    map.forEach((from, to) -> translated.put(String.valueOf(from), (String) to));
    return translated;
  }

  private static String column(final String field, final String column) {
    if (column == null || column.isBlank()) {
      throw bad("'" + field + "' needs a non-empty column name");
    }
    return column;
  }

  private static ResponseStatusException bad(final String reason) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
  }

  String column(final String field) {
    final Source source = fields.get(field);
    return source == null ? field : source.column();
  }

  Source source(final String field) {
    return fields.get(field);
  }

  List<String> customFields() {
    return fields.keySet().stream().filter(f -> f.startsWith(CUSTOM)).toList();
  }

  /** As stored with an import and shown back: every field with its column, type and values. */
  Map<String, Object> toJson() {
    final Map<String, Object> json = new LinkedHashMap<>();
    fields.forEach((field, source) -> {
      final Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("column", source.column());
      if (!"string".equals(source.type())) {
        spec.put("type", source.type());
      }
      if (source.values() != null) {
        spec.put("values", source.values());
        spec.put("unmapped", source.keepUnmapped() ? "keep" : "reject");
      }
      json.put(field, spec);
    });
    return json;
  }
}
