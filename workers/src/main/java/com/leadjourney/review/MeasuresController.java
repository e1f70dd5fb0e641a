package com.leadjourney.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every measure of the catalogue for one calendar period, {@code GET /api/measures/quarterly?period=2026-Q4}
 * (default: the current period so far): the numbers the boards draw and the pack reviews, for
 * whoever builds their own report.
 */
@RestController
class MeasuresController {

  /** One measure's value and target for the period, with its definition in words. */
  record MeasureValue(String key, String name, String unit, String definition, BigDecimal value, BigDecimal target) {}

  record Measures(String cadence, String period, List<MeasureValue> measures) {}

  private final MeasureCatalogue catalogue;
  private final Clock clock;

  MeasuresController(final MeasureCatalogue catalogue, final Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
  }

  @GetMapping("/api/measures/{cadence}")
  @Transactional(readOnly = true)
  Measures measures(@PathVariable final String cadence, @RequestParam(required = false) final String period) {
    final var at = new Measure.At(CadenceReviewController.period(cadence, period, clock));
    return new Measures(
        at.period().cadence().id(), at.period().label(),
        catalogue.all().stream()
            .map(m -> new MeasureValue(m.key(), m.name(), m.unit(), m.definition(), m.value().apply(at), m.target().apply(at)))
            .toList());
  }
}
