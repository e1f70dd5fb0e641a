package com.leadjourney.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.leadjourney.definition.Engagements.Engagement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Credit by model for four campaign touches: an ad, a webinar (made the MQL), an ebook, an event (opened the deal). */
class AttributionModelsTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Engagement touch(final String campaign, final int day) {
    return new Engagement("other", 1, campaign, T0.plusSeconds(day * 86_400L));
  }

  private final List<Engagement> touches = List.of(touch("paid-ad", 0), touch("webinar", 5), touch("ebook", 9), touch("event", 20));

  @Test
  void eachModelSplitsTheWholeDealAsItPromises() {
    final var shares = AttributionModels.shares(touches, T0.plusSeconds(6 * 86_400L), T0.plusSeconds(21 * 86_400L));

    assertThat(shares.get("first-touch")).containsOnlyKeys("paid-ad");
    assertThat(shares.get("last-touch")).containsOnlyKeys("event");
    assertThat(shares.get("linear").get("ebook")).isCloseTo(0.25, within(1e-9));
    final var w = shares.get("w-shaped");
    assertThat(w.get("paid-ad")).isCloseTo(0.3, within(1e-9));
    assertThat(w.get("webinar")).as("the touch that made the MQL").isCloseTo(0.3, within(1e-9));
    assertThat(w.get("event")).as("the touch that opened the deal").isCloseTo(0.3, within(1e-9));
    assertThat(w.get("ebook")).isCloseTo(0.1, within(1e-9));
    shares.values().forEach(model -> assertThat(model.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9)));
  }

  @Test
  void aSingleTouchGetsEverythingInEveryModel() {
    final var shares = AttributionModels.shares(List.of(touch("webinar", 0)), T0, T0.plusSeconds(86_400));

    shares.values().forEach(model -> assertThat(model).containsOnlyKeys("webinar").allSatisfy((c, share) -> assertThat(share).isCloseTo(1.0, within(1e-9))));
  }
}
