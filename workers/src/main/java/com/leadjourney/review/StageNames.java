package com.leadjourney.review;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stage ids (the BPMN process ids) as people say them, for reviews and boards. */
final class StageNames {

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("contact-intake", "Contact intake"), Map.entry("pre-qualification", "Pre-qualification"), Map.entry("nurture", "Nurture"),
      Map.entry("xdr-handoff", "XDR handoff"), Map.entry("sales-acceptance", "Sales acceptance"), Map.entry("opportunity", "Opportunity"),
      Map.entry("customer", "Customer"), Map.entry("discovery", "Discovery"), Map.entry("proposal", "Proposal"),
      Map.entry("negotiation", "Negotiation"), Map.entry("closed-won", "Closed won"), Map.entry("closed-lost", "Closed lost"));

  private StageNames() {}

  static String of(final String id) {
    return NAMES.getOrDefault(id, id);
  }

  static Map<String, BigDecimal> named(final Map<String, BigDecimal> byStage) {
    final Map<String, BigDecimal> named = new LinkedHashMap<>();
    byStage.forEach((stage, value) -> named.put(of(stage), value));
    return named;
  }
}
