package com.leadjourney.nurture;

import com.leadjourney.lead.Lead;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Nurture tracks: how often a track touches the lead, which track a sales reason leads to, and
 * when a lead that never re-engages ages out.
 *
 * @param touchEvery interval between touches, by track
 * @param trackByReason the track a recycle/reject reason steers to; other reasons keep "education"
 * @param agesOutAfter a lead still in nurture after this leaves the journey
 */
@ConfigurationProperties("leadjourney.nurture")
public record NurtureProperties(
    Map<String, Duration> touchEvery, Map<String, String> trackByReason, @DefaultValue("180d") Duration agesOutAfter) {

  // Map defaults cannot be written with @DefaultValue: the binder would leave the bean null.
  public NurtureProperties {
    if (touchEvery == null || touchEvery.isEmpty()) {
      touchEvery =
          Map.of(
              "education", Duration.ofDays(7), "long-cycle", Duration.ofDays(30), "roi-content", Duration.ofDays(10),
              "re-engage", Duration.ofDays(3), "champion-building", Duration.ofDays(14));
    }
    if (trackByReason == null || trackByReason.isEmpty()) {
      trackByReason =
          Map.of(
              "bad-timing", "long-cycle", "no-budget", "roi-content", "no-response", "re-engage", "not-decision-maker",
              "champion-building");
    }
  }

  static final String DEFAULT_TRACK = Lead.DEFAULT_NURTURE_TRACK;

  Duration intervalOf(final String track) {
    return touchEvery.getOrDefault(track, touchEvery.get(DEFAULT_TRACK));
  }

  String trackFor(final String reason) {
    return reason == null ? DEFAULT_TRACK : trackByReason.getOrDefault(reason, DEFAULT_TRACK);
  }
}
