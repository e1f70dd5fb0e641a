package com.leadjourney.definition;

import com.leadjourney.definition.LeadHistory.Judged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

/**
 * How a definition judges leads it was not learned from: each lead evaluated by the same DMN the
 * engine runs, qualified by the version's thresholds (engagement only where a decision measured
 * it, as a replay does). Rates are fractions (0.25 = 25%).
 */
final class HeldOutEvidence {

  private static final int BANDS = 5;
  private static final int MAX_SCORES_AS_BANDS = 8;

  private HeldOutEvidence() {}

  static Map<String, Object> of(final List<Judged> leads, final DefinitionEvaluator evaluator, final Definitions.Thresholds thresholds) {
    final int n = leads.size();
    final boolean[] converted = new boolean[n];
    final double[] points = new double[n];
    int qualified = 0;
    int qualifiedConverted = 0;
    int allConverted = 0;
    for (int i = 0; i < n; i++) {
      final Judged lead = leads.get(i);
      final var fit = evaluator.fit(lead.fields());
      converted[i] = lead.sql();
      points[i] = fit.disqualified() ? -1 : fit.points();
      allConverted += lead.sql() ? 1 : 0;
      if (LeadHistory.qualified(fit, lead.engagement(), thresholds)) {
        qualified++;
        qualifiedConverted += lead.sql() ? 1 : 0;
      }
    }
    final Map<String, Object> evidence = new LinkedHashMap<>();
    final boolean bothOutcomes = allConverted > 0 && allConverted < n;
    evidence.put("auc", bothOutcomes ? round(LabelEvaluationUtil.binaryAUCROC(converted, points), 3) : null);
    evidence.put("mqlFit", thresholds.mqlFit());
    evidence.put("qualifiedShare", rate(qualified, n));
    evidence.put("qualifiedConversion", rate(qualifiedConverted, qualified));
    evidence.put("otherConversion", rate(allConverted - qualifiedConverted, n - qualified));
    evidence.put("lift", qualified == 0 || allConverted == 0 ? null : round(qualifiedConverted / (double) qualified / (allConverted / (double) n), 2));
    evidence.put("bands", bands(points, converted));
    return evidence;
  }

  /**
   * Leads by points band, with how many converted: the calibration table. A scorecard with few
   * distinct scores gets a band per score; otherwise five bands of about equal size.
   */
  private static List<Map<String, Object>> bands(final double[] points, final boolean[] converted) {
    final double[] sorted = points.clone();
    java.util.Arrays.sort(sorted);
    final double[] distinct = java.util.Arrays.stream(sorted).distinct().toArray();
    final boolean perScore = distinct.length <= MAX_SCORES_AS_BANDS;
    final int count = perScore ? distinct.length : BANDS;
    final List<Map<String, Object>> bands = new ArrayList<>();
    double from = Double.NEGATIVE_INFINITY;
    for (int b = 1; b <= count && sorted.length > 0; b++) {
      final double upTo = b == count ? Double.POSITIVE_INFINITY
          : perScore ? distinct[b] : sorted[Math.min(sorted.length - 1, b * sorted.length / BANDS)];
      if (upTo <= from) {
        continue;
      }
      int leads = 0;
      int yes = 0;
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < points.length; i++) {
        if (points[i] >= from && points[i] < upTo) {
          leads++;
          yes += converted[i] ? 1 : 0;
          low = Math.min(low, points[i]);
          high = Math.max(high, points[i]);
        }
      }
      if (leads > 0) {
        final Map<String, Object> band = new LinkedHashMap<>();
        band.put("points", low == high ? format(low) : format(low) + "–" + format(high));
        band.put("leads", leads);
        band.put("converted", yes);
        band.put("conversion", rate(yes, leads));
        bands.add(band);
      }
      from = upTo;
    }
    return bands;
  }

  private static String format(final double points) {
    return points < 0 ? "disqualified" : String.valueOf((long) points);
  }

  private static Double rate(final int part, final int whole) {
    return whole == 0 ? null : round(part / (double) whole, 3);
  }

  static double round(final double value, final int digits) {
    final double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
