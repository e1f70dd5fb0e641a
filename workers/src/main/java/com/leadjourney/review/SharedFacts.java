package com.leadjourney.review;

import com.leadjourney.campaign.ProgramReturns.ProgramReturn;
import com.leadjourney.definition.DefinitionHealth;
import com.leadjourney.review.Measure.At;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The facts of a period that both a measure and a breakdown show, read once per {@link At}: the
 * funnel (its counts and its step conversions), definition health (MQL → SQL overall and by
 * version), first touches (four measures and the speed bands) and program returns. The gauges and
 * the pack hand the measures and the breakdowns of a period the same {@code At}.
 */
@Component
class SharedFacts {

  private final CadenceFacts facts;
  private final FunnelFacts funnel;

  SharedFacts(final CadenceFacts facts, final FunnelFacts funnel) {
    this.facts = facts;
    this.funnel = funnel;
  }

  CadenceFacts.FirstTouches firstTouches(final At at) {
    return at.once("first-touches", facts::firstTouches);
  }

  Map<String, BigDecimal> funnel(final At at) {
    return at.once("funnel", funnel::funnel);
  }

  Map<String, DefinitionHealth.Health> definitionHealth(final At at) {
    return at.once("definition-health", funnel::definitionHealth);
  }

  List<ProgramReturn> programReturns(final At at) {
    return at.once("program-returns", facts::programReturns);
  }
}
