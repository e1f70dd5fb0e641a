package com.leadjourney.definition;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Engagement with time decay: each engagement's points halve every half-life, so a webinar last
 * week outweighs one last year.
 *
 * @param score the decayed sum
 * @param byType decayed points per engagement type: the breakdown shown with the decision
 */
public record EngagementScore(double score, Map<String, Double> byType) {

  public static EngagementScore of(final List<Engagements.Engagement> engagements, final Instant now, final Duration halfLife) {
    final Map<String, Double> byType = new LinkedHashMap<>();
    double total = 0;
    for (final var engagement : engagements) {
      final double ageInHalfLives =
          Math.max(0, Duration.between(engagement.occurredAt(), now).toMillis()) / (double) halfLife.toMillis();
      final double decayed = engagement.points() * Math.pow(0.5, ageInHalfLives);
      byType.merge(engagement.type(), round(decayed), (a, b) -> round(a + b));
      total += decayed;
    }
    return new EngagementScore(round(total), byType);
  }

  private static double round(final double value) {
    return Math.round(value * 100) / 100.0;
  }
}
