package com.leadjourney.definition;

import com.leadjourney.definition.CandidateFeatures.Feature;
import com.leadjourney.definition.LeadHistory.Judged;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A scorecard learned from history: an L1-regularised logistic regression (Tribuo, SGD with
 * regularised dual averaging) over the yes/no features picks the few that matter; a plain logistic
 * regression on those gives their weights; each weight becomes integer points, 20 points for every
 * doubling of the odds of converting. Only features that add points become criteria (the
 * definition's points are 0 or more); a text field's other values simply earn none.
 */
final class ScorecardFit {

  /** Points per doubling of the odds: the scorecard convention, so "+20" reads as "twice as likely". */
  static final double POINTS_TO_DOUBLE = 20;
  static final Label CONVERTED = new Label("converted");
  static final Label NOT_CONVERTED = new Label("not-converted");
  private static final long SEED = 20_261_205L;
  private static final String EVERY_LEAD = "(every lead)";
  private static final double MIN_Z = 3;

  /** A criterion with the weight it came from. */
  record Scored(Feature feature, double weight, int points) {}

  private ScorecardFit() {}

  /** At most {@code maxCriteria} features with positive points, strongest first. */
  static List<Scored> fit(final List<Judged> train, final List<Feature> features, final int maxCriteria) {
    final var ordered = CandidateFeatures.ordered(features);
    final Map<String, Double> sparse = weights(train, ordered, new AdaGradRDA(0.5, 1e-6, l1(train.size()), 0, ordered.size() + 1), 10);
    List<Feature> chosen = ordered.stream().filter(f -> sparse.getOrDefault(f.name(), 0.0) > 1e-4 && backed(train, f))
        .sorted(Comparator.comparingDouble((Feature f) -> -sparse.get(f.name()))).limit(maxCriteria).toList();
    for (int round = 0; round < 3 && !chosen.isEmpty(); round++) {
      final Map<String, Double> refit = weights(train, chosen, new AdaGrad(0.5, 1e-6), 15);
      final List<Feature> positive = chosen.stream().filter(f -> refit.getOrDefault(f.name(), 0.0) > 0).toList();
      if (positive.size() == chosen.size()) {
        return chosen.stream()
            .map(f -> new Scored(f, refit.get(f.name()), (int) Math.max(1, Math.round(refit.get(f.name()) * POINTS_TO_DOUBLE / Math.log(2)))))
            .sorted(Comparator.comparingInt((Scored s) -> -s.points()).thenComparing(s -> s.feature().name()))
            .toList();
      }
      chosen = positive;
    }
    return List.of();
  }

  /**
   * Whether a criterion stands on evidence, not chance: leads with it convert more often than those
   * without, by at least three standard errors of the log odds ratio. With dozens of candidate
   * features some noise always gets a weight; this keeps it out of what two teams are asked to sign.
   */
  static boolean backed(final List<Judged> train, final Feature feature) {
    final double[] n = new double[4]; // with & converted, with & not, without & converted, without & not
    for (final Judged lead : train) {
      final boolean with = feature.matches().test(CandidateFeatures.value(lead.fields(), feature.field()));
      n[(with ? 0 : 2) + (lead.sql() ? 0 : 1)]++;
    }
    if (n[0] == 0 || n[1] == 0 || n[2] == 0 || n[3] == 0) {
      return false;
    }
    final double logOddsRatio = Math.log(n[0] * n[3] / (n[1] * n[2]));
    final double standardError = Math.sqrt(1 / n[0] + 1 / n[1] + 1 / n[2] + 1 / n[3]);
    return logOddsRatio / standardError >= MIN_Z;
  }

  /** A plain logistic regression on every feature: the yardstick a scorecard's AUC is held against. */
  static Map<String, Double> fullLogisticRegression(final List<Judged> train, final List<Feature> features) {
    return weights(train, CandidateFeatures.ordered(features), new AdaGrad(0.5, 1e-6), 15);
  }

  /** L1 strength: enough to zero most of dozens of features on thousands of leads, less on few. */
  private static double l1(final int leads) {
    return 0.01 * Math.sqrt(Math.max(leads, 1)) / 10;
  }

  /** The fitted log-odds weight of each feature (converted over not), without the intercept. */
  private static Map<String, Double> weights(final List<Judged> train, final List<Feature> features, final StochasticGradientOptimiser optimiser, final int epochs) {
    final var factory = new LabelFactory();
    final var data = new MutableDataset<>(new SimpleDataSourceProvenance("leads with a known outcome", OffsetDateTime.now(), factory), factory);
    for (final Judged lead : train) {
      final List<String> present = new ArrayList<>(CandidateFeatures.present(lead.fields(), features));
      present.add(EVERY_LEAD); // Tribuo refuses an example without features; a lead with none is still evidence
      final var example = new ArrayExample<>(lead.sql() ? CONVERTED : NOT_CONVERTED, present.toArray(String[]::new), ones(present.size()));
      data.add(example);
    }
    final var trainer = new LinearSGDTrainer(new LogMulticlass(), optimiser, epochs, Integer.MAX_VALUE, 1, SEED);
    final LinearSGDModel model = (LinearSGDModel) trainer.train(data);
    final var matrix = model.getWeightsCopy();
    final int yes = model.getOutputIDInfo().getID(CONVERTED);
    final int no = model.getOutputIDInfo().getID(NOT_CONVERTED);
    final Map<String, Double> weights = new HashMap<>();
    for (final Feature feature : features) {
      final var info = model.getFeatureIDMap().get(feature.name());
      if (info != null) {
        weights.put(feature.name(), no < 0 ? matrix.get(yes, info.getID()) : matrix.get(yes, info.getID()) - matrix.get(no, info.getID()));
      }
    }
    return weights;
  }

  private static double[] ones(final int n) {
    final double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    return ones;
  }

  /** A lead's score under the scorecard. */
  static int points(final Map<String, Object> fields, final List<Scored> scorecard) {
    int points = 0;
    for (final Scored s : scorecard) {
      if (s.feature().matches().test(CandidateFeatures.value(fields, s.feature().field()))) {
        points += s.points();
      }
    }
    return points;
  }

  /** A model's score of each lead (log-odds without intercept): for the yardstick's AUC. */
  static double score(final Map<String, Object> fields, final List<Feature> features, final Map<String, Double> weights) {
    double score = 0;
    for (final String name : CandidateFeatures.present(fields, features)) {
      score += weights.getOrDefault(name, 0.0);
    }
    return score;
  }
}
