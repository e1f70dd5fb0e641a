package com.leadjourney.definition;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the default definition (v1-default, seeded from workflows/lead-qualification.dmn
 * at the first start; signed versions carry their own) and engagement points by touch type.
 *
 * @param mqlFit fit score (sum of the matched criteria's points) an MQL needs
 * @param mqlEngagement decayed engagement score an MQL needs
 * @param halfLife engagement loses half its weight in this time
 * @param hotFit fit from which an MQL with {@code hotEngagement} is hot (shortest SLA)
 * @param hotEngagement decayed engagement from which a well-fitting MQL is hot
 * @param points engagement points by touch type; unknown types score {@code other}
 */
@ConfigurationProperties("leadjourney.qualification")
public record QualificationProperties(
    @DefaultValue("50") int mqlFit,
    @DefaultValue("10") double mqlEngagement,
    @DefaultValue("14d") Duration halfLife,
    @DefaultValue("80") int hotFit,
    @DefaultValue("20") double hotEngagement,
    Map<String, Integer> points) {

  // A map default cannot be written with @DefaultValue: the binder would leave the bean null.
  public QualificationProperties {
    if (points == null || points.isEmpty()) {
      points =
          Map.of(
              "demo-request", 30, "reply", 20, "webinar", 15, "event", 15, "form-fill", 10, "re-engaged", 10,
              "content-download", 8, "email-click", 4, "web-visit", 2, "other", 5);
    }
  }

  public int pointsFor(final String type) {
    return points.getOrDefault(type, points.getOrDefault("other", 0));
  }
}
