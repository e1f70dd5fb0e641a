package com.leadjourney.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import com.leadjourney.definition.LeadHistory.Judged;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

/**
 * A definition suggested from 10,000 imported leads with a planted signal ({@link PlantedHistory}).
 * The suggestion must find both planted criteria
 * among its top three, come within 0.03 AUC of a full logistic regression on the same held-out
 * leads, warn about the leaking column, and its draft must replay to the lift it reported.
 */
class DefinitionSuggestionTest extends EmbeddedAppTest {

  private static final int LEADS = 10_000;

  @Autowired TestRestTemplate http;
  @Autowired LeadHistory history;

  private TestRestTemplate marketing() {
    return new LeadApi(http).admin();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSuggestionFromImportedHistoryFindsThePlantedCriteriaAndShowsItsEvidenceBesideTheLiveDefinition() {
    PlantedHistory.importInto(marketing(), "crm-", LEADS, LocalDate.of(2025, 1, 1));

    final var asked = marketing().postForEntity("/api/definitions/suggestions?from=2025-01-01&until=2025-07-01&holdout=0.3&share=0.3", null, Map.class);
    assertThat(asked.getStatusCode()).as("%s", asked.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    final String location = asked.getHeaders().getLocation().toString();
    await().atMost(Duration.ofMinutes(3)).until(() -> !"running".equals(marketing().getForObject(location, Map.class).get("state")));
    final Map<String, Object> suggestion = marketing().getForObject(location, Map.class);
    assertThat(suggestion).as("%s", suggestion.get("failure")).containsEntry("state", "done");

    final List<Map<String, Object>> criteria = (List<Map<String, Object>>) suggestion.get("criteria");
    System.out.printf("suggestion: %s%nheld out: %s%nwarnings: %s%n", criteria, suggestion.get("heldOut"), suggestion.get("warnings"));
    assertThat(criteria).hasSizeBetween(2, DefinitionSuggestions.MAX_CRITERIA);
    assertThat(criteria.subList(0, Math.min(3, criteria.size()))).extracting(c -> c.get("field") + " " + c.get("test"))
        .contains("seniority \"vp\"", "customFields.leadSource \"Webinar\"");
    assertThat((String) criteria.get(0).get("criterion")).matches(".+: \\+\\d+");
    assertThat((List<String>) suggestion.get("warnings"))
        .anySatisfy(w -> assertThat(w).startsWith("customFields.lastNotableActivity is left out").contains("gives the outcome away"))
        .anySatisfy(w -> assertThat(w).startsWith("customFields.lastActivityOn holds dates"));

    final Map<String, Object> heldOut = (Map<String, Object>) suggestion.get("heldOut");
    final Map<String, Object> suggested = (Map<String, Object>) heldOut.get("suggested");
    final Map<String, Object> live = (Map<String, Object>) heldOut.get("live");
    assertThat(((Number) heldOut.get("leads")).intValue()).isBetween(2_700, 3_300);
    assertThat(suggested).containsKeys("auc", "qualifiedShare", "qualifiedConversion", "otherConversion", "lift", "bands");
    assertThat(live).containsKeys("auc", "qualifiedShare", "qualifiedConversion", "otherConversion", "lift", "bands");
    assertThat(((Number) suggested.get("qualifiedShare")).doubleValue()).as("marketing's floor of 30%%").isGreaterThanOrEqualTo(0.28);
    final double lift = ((Number) suggested.get("lift")).doubleValue();
    assertThat(lift).isGreaterThan(1.3);
    assertThat(((Number) suggested.get("auc")).doubleValue()).as("the draft beats the live definition, which never saw this data")
        .isGreaterThan(((Number) live.get("auc")).doubleValue());
    final List<Map<String, Object>> bands = (List<Map<String, Object>>) suggested.get("bands");
    assertThat(bands).hasSizeGreaterThanOrEqualTo(2);
    assertThat(((Number) bands.get(bands.size() - 1).get("conversion")).doubleValue()).as("calibrated: the top band converts best")
        .isGreaterThan(((Number) bands.get(0).get("conversion")).doubleValue());

    final double yardstick = fullLogisticRegressionAuc();
    System.out.printf("held-out AUC: suggested %s, full logistic regression %.3f%n", suggested.get("auc"), yardstick);
    assertThat(((Number) suggested.get("auc")).doubleValue()).as("within 0.03 of a full logistic regression on the same leads")
        .isGreaterThanOrEqualTo(yardstick - 0.03);

    final String draft = (String) suggestion.get("draftVersion");
    final Map<String, Object> version = marketing().getForObject("/api/definitions/" + draft, Map.class);
    assertThat(version).containsEntry("state", "draft");
    final var replayed = marketing().postForEntity("/api/definitions/" + draft + "/replays?from=2025-01-01&until=2025-07-01", null, Map.class);
    final String replay = (String) replayed.getBody().get("id");
    await().atMost(Duration.ofMinutes(1)).until(() -> !"running".equals(marketing().getForObject("/api/replays/" + replay, Map.class).get("state")));
    final Map<String, Object> result = (Map<String, Object>) marketing().getForObject("/api/replays/" + replay, Map.class).get("result");
    final double replayLift = ((Number) ((Map<String, Object>) result.get("overall")).get("liftSql")).doubleValue();
    System.out.printf("lift: held out %.2f, replayed over all leads %.2f%n", lift, replayLift);
    assertThat(replayLift).as("the draft, replayed over all %d leads, lifts as its held-out evidence said", LEADS).isCloseTo(lift, org.assertj.core.data.Offset.offset(0.15));
  }

  @Test
  void aSuggestionIsRefusedWithReasonsForNonsenseParameters() {
    final var badHoldout = marketing().postForEntity("/api/definitions/suggestions?holdout=0.9", null, Map.class);
    assertThat(badHoldout.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) badHoldout.getBody().get("detail")).contains("holdout");
    assertThat(marketing().getForEntity("/api/definition-suggestions/none", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** The yardstick: Tribuo's logistic regression on every candidate feature, fitted and judged on the suggestion's own split. */
  private double fullLogisticRegressionAuc() {
    final List<Judged> train = new ArrayList<>();
    final List<Judged> heldOut = new ArrayList<>();
    history.each(Replays.start(LocalDate.parse("2025-01-01")), Replays.end(LocalDate.parse("2025-07-01")),
        lead -> (HoldOut.contains(lead.id(), 0.3) ? heldOut : train).add(lead));
    final var features = CandidateFeatures.of(train).features();
    final var weights = ScorecardFit.fullLogisticRegression(train, features);
    final boolean[] converted = new boolean[heldOut.size()];
    final double[] scores = new double[heldOut.size()];
    for (int i = 0; i < heldOut.size(); i++) {
      converted[i] = heldOut.get(i).sql();
      scores[i] = ScorecardFit.score(heldOut.get(i).fields(), features, weights);
    }
    return LabelEvaluationUtil.binaryAUCROC(converted, scores);
  }
}
