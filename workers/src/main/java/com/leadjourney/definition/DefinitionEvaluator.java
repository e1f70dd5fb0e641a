package com.leadjourney.definition;

import io.camunda.zeebe.dmn.DecisionContext;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.MatchedRule;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One definition version, parsed once, evaluated in-process by the same DMN engine Zeebe runs
 * (so a replay judges exactly as the business rule task would): which criteria match a lead.
 */
final class DefinitionEvaluator {

  /** Fit points and whether a disqualify criterion matched. */
  record Fit(int points, boolean disqualified) {}

  private final DecisionEngine engine = DefinitionDmn.engine();
  private final ParsedDecisionRequirementsGraph parsed;
  private final List<Criterion> criteria;

  DefinitionEvaluator(final String dmn, final List<Criterion> criteria) {
    this.parsed = engine.parse(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
    if (!parsed.isValid()) {
      throw new DefinitionDmn.InvalidDefinition("the engine cannot run this definition: " + parsed.getFailureMessage());
    }
    this.criteria = criteria;
  }

  /** The lead's agreed fields by name (null where unknown: such a criterion does not match). */
  Fit fit(final Map<String, Object> fields) {
    final DecisionContext context = () -> fields;
    final var result = engine.evaluateDecisionById(parsed, DefinitionDmn.DECISION_ID, context);
    if (result.isFailure()) {
      throw new IllegalStateException("Definition failed on " + fields + ": " + result.getFailureMessage());
    }
    int points = 0;
    boolean disqualified = false;
    for (final MatchedRule rule : result.getEvaluatedDecisions().get(0).matchedRules()) {
      final Criterion criterion = criteria.get(Integer.parseInt(rule.ruleId().substring("Rule_".length())) - 1);
      points += criterion.points();
      disqualified |= Criterion.DISQUALIFY.equals(criterion.verdict());
    }
    return new Fit(points, disqualified);
  }
}
