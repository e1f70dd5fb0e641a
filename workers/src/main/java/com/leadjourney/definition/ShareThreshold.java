package com.leadjourney.definition;

import com.leadjourney.definition.LeadHistory.Judged;
import java.util.List;

/**
 * The MQL threshold of a suggested scorecard: the highest score that still qualifies at least the
 * share of leads marketing asked for (a higher bar qualifies fewer, likelier leads; the share is
 * marketing's floor). Hot is the bar that keeps a third of that share. Engagement thresholds stay
 * those of the live definition: history does not say how engaged an imported lead was.
 */
final class ShareThreshold {

  private ShareThreshold() {}

  static Definitions.Thresholds forShare(
      final List<Judged> train, final List<ScorecardFit.Scored> scorecard, final double share, final Definitions.Thresholds live) {
    final int[] scores = train.stream().mapToInt(l -> ScorecardFit.points(l.fields(), scorecard)).sorted().toArray();
    final int mql = bar(scores, share);
    final int hot = Math.max(mql, bar(scores, share / 3));
    return new Definitions.Thresholds(mql, live.mqlEngagement(), hot, live.hotEngagement(), live.halfLife(), live.engagementPoints());
  }

  /** The highest score s such that at least {@code share} of the scores are s or more. */
  private static int bar(final int[] ascending, final double share) {
    final int index = Math.max(0, Math.min(ascending.length - 1, (int) Math.floor(ascending.length * (1 - share))));
    return ascending.length == 0 ? 0 : ascending[index];
  }
}
