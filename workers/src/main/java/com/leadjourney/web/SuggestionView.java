package com.leadjourney.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A finished suggestion as the page shows it: the evidence table (suggested beside live, on the
 * same held-out leads) and the points bands as bars, conversion read off their length.
 */
record SuggestionView(List<Row> evidence, List<Band> suggestedBands, List<Band> liveBands, String liveVersion, int heldOutLeads) {

  /** The bands of one definition, for a bar chart. */
  record Chart(String title, List<Band> bands) {}

  public List<Chart> charts() {
    return List.of(new Chart("Suggested", suggestedBands), new Chart("Live " + liveVersion, liveBands));
  }

  /** One measure, suggested and live, as people read them (percent, two decimals for lift). */
  record Row(String measure, String suggested, String live) {}

  /** One points band: how many leads, how many converted, and the bar's length (conversion against the best band). */
  record Band(String points, int leads, int converted, String conversion, int barPercent) {}

  @SuppressWarnings("unchecked")
  static SuggestionView of(final Object heldOut) {
    final Map<String, Object> evidence = (Map<String, Object>) heldOut;
    final Map<String, Object> suggested = (Map<String, Object>) evidence.get("suggested");
    final Map<String, Object> live = (Map<String, Object>) evidence.get("live");
    final List<Row> rows = List.of(
        new Row("AUC (0.5 = chance, 1 = perfect)", plain(suggested.get("auc")), plain(live.get("auc"))),
        new Row("MQL at fit points", plain(suggested.get("mqlFit")), plain(live.get("mqlFit"))),
        new Row("Qualified share", percent(suggested.get("qualifiedShare")), percent(live.get("qualifiedShare"))),
        new Row("Conversion of qualified leads", percent(suggested.get("qualifiedConversion")), percent(live.get("qualifiedConversion"))),
        new Row("Conversion of the others", percent(suggested.get("otherConversion")), percent(live.get("otherConversion"))),
        new Row("Lift (qualified against all)", lift(suggested.get("lift")), lift(live.get("lift"))));
    final List<Map<String, Object>> suggestedBands = (List<Map<String, Object>>) suggested.get("bands");
    final List<Map<String, Object>> liveBands = (List<Map<String, Object>>) live.get("bands");
    final double best = java.util.stream.Stream.concat(suggestedBands.stream(), liveBands.stream())
        .mapToDouble(b -> b.get("conversion") instanceof Number n ? n.doubleValue() : 0).max().orElse(1);
    return new SuggestionView(rows, bands(suggestedBands, best), bands(liveBands, best), String.valueOf(evidence.get("liveVersion")),
        ((Number) evidence.get("leads")).intValue());
  }

  private static List<Band> bands(final List<Map<String, Object>> bands, final double best) {
    final List<Band> out = new ArrayList<>();
    for (final Map<String, Object> b : bands) {
      final double conversion = b.get("conversion") instanceof Number n ? n.doubleValue() : 0;
      out.add(new Band(String.valueOf(b.get("points")), ((Number) b.get("leads")).intValue(), ((Number) b.get("converted")).intValue(),
          percent(b.get("conversion")), best <= 0 ? 0 : (int) Math.round(conversion / best * 100)));
    }
    return out;
  }

  private static String plain(final Object value) {
    return value == null ? "—" : String.valueOf(value);
  }

  private static String percent(final Object value) {
    return value instanceof Number n ? String.format(java.util.Locale.ROOT, "%.1f%%", n.doubleValue() * 100) : "—";
  }

  private static String lift(final Object value) {
    return value instanceof Number n ? String.format(java.util.Locale.ROOT, "%.2f×", n.doubleValue()) : "—";
  }
}
