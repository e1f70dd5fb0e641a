package com.leadjourney.customer;

import com.leadjourney.definition.Engagements.Engagement;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of a won deal each campaign earned, by model, over the campaign touches of the
 * contacts whose role sales confirmed (oldest first). Shares per model add up to 1.
 */
final class AttributionModels {

  static final List<String> MODELS = List.of("first-touch", "last-touch", "linear", "w-shaped");

  private AttributionModels() {}

  /**
   * @param qualifiedAt when the lead became an MQL (W-shaped's lead-creation touch), or null
   * @param openedAt when the opportunity opened (W-shaped's opportunity-creation touch)
   */
  static Map<String, Map<String, Double>> shares(final List<Engagement> touches, final Instant qualifiedAt, final Instant openedAt) {
    final Map<String, Map<String, Double>> byModel = new LinkedHashMap<>();
    final int n = touches.size();
    byModel.put("first-touch", credit(touches, Map.of(0, 1.0)));
    byModel.put("last-touch", credit(touches, Map.of(n - 1, 1.0)));
    final Map<Integer, Double> linear = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      linear.put(i, 1.0 / n);
    }
    byModel.put("linear", credit(touches, linear));
    byModel.put("w-shaped", credit(touches, wShaped(touches, qualifiedAt, openedAt)));
    return byModel;
  }

  /** 30% each to the first touch, the touch that made the MQL and the touch that opened the deal; 10% over the rest. */
  private static Map<Integer, Double> wShaped(final List<Engagement> touches, final Instant qualifiedAt, final Instant openedAt) {
    final int n = touches.size();
    final int first = 0;
    final int leadCreation = lastAtOrBefore(touches, qualifiedAt == null ? openedAt : qualifiedAt);
    final int opportunityCreation = lastAtOrBefore(touches, openedAt);
    final Map<Integer, Double> weights = new LinkedHashMap<>();
    for (final int key : new int[] {first, leadCreation, opportunityCreation}) {
      weights.merge(key, 0.3, Double::sum);
    }
    final Set<Integer> keys = new HashSet<>(List.of(first, leadCreation, opportunityCreation));
    final int others = n - keys.size();
    for (int i = 0; i < n; i++) {
      if (others > 0 && !keys.contains(i)) {
        weights.merge(i, 0.1 / others, Double::sum);
      } else if (others == 0 && keys.contains(i)) {
        weights.merge(i, 0.1 / keys.size(), Double::sum);
      }
    }
    return weights;
  }

  private static int lastAtOrBefore(final List<Engagement> touches, final Instant at) {
    int index = 0;
    for (int i = 0; i < touches.size(); i++) {
      if (!touches.get(i).occurredAt().isAfter(at)) {
        index = i;
      }
    }
    return index;
  }

  private static Map<String, Double> credit(final List<Engagement> touches, final Map<Integer, Double> weightByTouch) {
    final Map<String, Double> byCampaign = new LinkedHashMap<>();
    weightByTouch.forEach((index, weight) -> byCampaign.merge(touches.get(index).campaign(), weight, Double::sum));
    return byCampaign;
  }
}
