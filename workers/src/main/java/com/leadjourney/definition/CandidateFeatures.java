package com.leadjourney.definition;

import com.leadjourney.definition.LeadHistory.Judged;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a suggested definition may test: every value of a text field seen often enough ({@code
 * seniority is "vp"}), and for numbers a few round cut points either way ({@code companySize >=
 * 200}, {@code < 200}) — each one a criterion a person can read and the DMN table can run. Fields
 * that give the outcome away are left out with a warning.
 */
final class CandidateFeatures {

  /** One yes/no feature: the criterion's field, its FEEL unary test, its words, and the same test in Java. */
  record Feature(String name, String field, String test, String label, Predicate<Object> matches) {}

  record Screened(List<Feature> features, List<String> warnings) {}

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
  private static final int MAX_VALUES_PER_FIELD = 30;
  private static final double[] CUTS = {0.25, 0.5, 0.75};

  private CandidateFeatures() {}

  /** The field's value in a lead's fields: an agreed field by name, a custom one under {@code customFields}. */
  static Object value(final Map<String, Object> fields, final String field) {
    if (field.startsWith(DefinitionDmn.CUSTOM)) {
      return fields.get("customFields") instanceof Map<?, ?> custom ? custom.get(field.substring(DefinitionDmn.CUSTOM.length())) : null;
    }
    return fields.get(field);
  }

  static Screened of(final List<Judged> leads) {
    final List<String> warnings = new ArrayList<>();
    final List<Feature> features = new ArrayList<>();
    final int minSupport = Math.max(10, leads.size() / 200);
    final double base = leads.stream().filter(Judged::sql).count() / (double) Math.max(1, leads.size());
    for (final String field : fields(leads)) {
      final List<Object> values = leads.stream().map(l -> value(l.fields(), field)).toList();
      if (values.stream().anyMatch(v -> v instanceof String s && DATE.matcher(s).matches())) {
        warnings.add(field + " holds dates; dates are not used as criteria (what a date means changes as time passes)");
        continue;
      }
      final List<Feature> ofField = values.stream().anyMatch(v -> v instanceof Number) ? numeric(field, values) : categorical(field, values, minSupport);
      final String leak = leak(field, ofField, leads, base, minSupport);
      if (leak != null) {
        warnings.add(leak);
        continue;
      }
      features.addAll(ofField);
    }
    return new Screened(features, warnings);
  }

  /** The agreed fields, then every custom field some lead has. */
  private static List<String> fields(final List<Judged> leads) {
    final List<String> fields = new ArrayList<>(DefinitionDmn.FIELDS.stream().map(f -> f[0]).toList());
    final TreeSet<String> custom = new TreeSet<>();
    leads.forEach(l -> {
      if (l.fields().get("customFields") instanceof Map<?, ?> map) {
        map.keySet().forEach(k -> custom.add(DefinitionDmn.CUSTOM + k));
      }
    });
    fields.addAll(custom);
    return fields;
  }

  private static List<Feature> categorical(final String field, final List<Object> values, final int minSupport) {
    final Map<Object, Integer> counts = new HashMap<>();
    values.stream().filter(v -> v instanceof String || v instanceof Boolean).forEach(v -> counts.merge(v, 1, Integer::sum));
    return counts.entrySet().stream().filter(e -> e.getValue() >= minSupport)
        .sorted(Map.Entry.<Object, Integer>comparingByValue().reversed()).limit(MAX_VALUES_PER_FIELD)
        .map(e -> {
          final Object value = e.getKey();
          final String test = value instanceof Boolean ? value.toString() : "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
          return new Feature(field + "=" + value, field, test, field + " is " + value, value::equals);
        })
        .toList();
  }

  /** Cut points at the quartiles, rounded to two significant digits so they read like a person chose them. */
  private static List<Feature> numeric(final String field, final List<Object> values) {
    final double[] sorted = values.stream().filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v).doubleValue()).sorted().toArray();
    final TreeSet<BigDecimal> cuts = new TreeSet<>();
    for (final double q : CUTS) {
      final BigDecimal cut = BigDecimal.valueOf(sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))]).round(new MathContext(2)).stripTrailingZeros();
      if (cut.doubleValue() > sorted[0]) {
        cuts.add(cut);
      }
    }
    final List<Feature> features = new ArrayList<>();
    for (final BigDecimal cut : cuts) {
      final double at = cut.doubleValue();
      final String number = cut.toPlainString();
      features.add(new Feature(field + ">=" + number, field, ">= " + number, field + " ≥ " + number, v -> v instanceof Number n && n.doubleValue() >= at));
      features.add(new Feature(field + "<" + number, field, "< " + number, field + " < " + number, v -> v instanceof Number n && n.doubleValue() < at));
    }
    return features;
  }

  /**
   * A field written after first contact gives the outcome away: a value (seen on enough leads) that
   * only converted leads have, or none of them. Such a field is left out, and said.
   */
  private static String leak(final String field, final List<Feature> features, final List<Judged> leads, final double base, final int minSupport) {
    if (base <= 0 || base >= 1) {
      return null;
    }
    for (final Feature feature : features) {
      int support = 0;
      int converted = 0;
      for (final Judged lead : leads) {
        if (feature.matches().test(value(lead.fields(), field))) {
          support++;
          converted += lead.sql() ? 1 : 0;
        }
      }
      final double rate = converted / (double) Math.max(1, support);
      if (support >= Math.max(minSupport, 20) && (rate >= 0.98 && base < 0.9)) {
        return "%s is left out: %s on %d leads, %.0f%% of them converted (%.0f%% overall) — a field written after first contact gives the outcome away"
            .formatted(field, feature.label(), support, rate * 100, base * 100);
      }
    }
    return null;
  }

  /** The features in a stable order, for reproducible fits. */
  static List<Feature> ordered(final List<Feature> features) {
    return features.stream().sorted(Comparator.comparing(Feature::name)).toList();
  }

  /** Names of the features a lead has. */
  static List<String> present(final Map<String, Object> fields, final List<Feature> features) {
    final Map<String, Object> byField = new LinkedHashMap<>();
    final List<String> names = new ArrayList<>();
    for (final Feature feature : features) {
      final Object value = byField.computeIfAbsent(feature.field(), f -> value(fields, f));
      if (value != null && feature.matches().test(value)) {
        names.add(feature.name());
      }
    }
    return names;
  }
}
