package com.leadjourney.review;

import com.leadjourney.campaign.ProgramReturns.ProgramReturn;
import com.leadjourney.platform.ReviewPeriod;
import com.leadjourney.platform.ReviewPeriod.Cadence;
import com.leadjourney.review.Indicators.Breakdown;
import com.leadjourney.review.Measure.At;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The breakdowns beside the measures, each for the period and the one before: the funnel and its
 * leaks, MQL → SQL by source, campaign and definition version, reasons, programs. The pack shows
 * those its cadence reviews; {@link MeasureGauges} exports them all for the boards. Each reads its
 * period through the {@link At} the measures of that period read, so a fact both show is read once.
 */
@Component
class ReviewBreakdowns {

  private static final Set<Cadence> ALL = Set.of(Cadence.WEEKLY, Cadence.MONTHLY, Cadence.QUARTERLY);
  private static final Set<Cadence> MONTH_AND_QUARTER = Set.of(Cadence.MONTHLY, Cadence.QUARTERLY);

  /** One breakdown of the catalogue; {@code groups} when its rows come in groups (feedback by outcome). */
  record Kind(String key, String title, String unit, Set<Cadence> reviewed, Function<At, Map<String, BigDecimal>> rows,
      Function<At, Map<String, Map<String, BigDecimal>>> groups) {}

  private final List<Kind> kinds;
  private final CadenceFacts facts;

  ReviewBreakdowns(final CadenceFacts facts, final FunnelFacts funnel, final SharedFacts shared, final DealFacts deals) {
    this.facts = facts;
    kinds = List.of(
        flat("funnel", "Funnel: this period's new leads and how far they got", "leads", ALL, shared::funnel),
        flat("funnel-conversion", "Funnel conversion, step to step", "%", ALL, at -> FunnelFacts.stepConversions(shared.funnel(at))),
        flat("mql-to-sql-by-source", "MQL → SQL by source", "%", MONTH_AND_QUARTER, perPeriod(funnel::mqlToSqlBySource)),
        flat("mql-to-sql-by-campaign", "MQL → SQL by campaign", "%", MONTH_AND_QUARTER, perPeriod(funnel::mqlToSqlByCampaign)),
        flat("mql-to-sql-by-definition", "MQL → SQL by definition version", "%", MONTH_AND_QUARTER,
            at -> FunnelFacts.mqlToSqlByDefinition(shared.definitionHealth(at))),
        flat("speed-to-lead-bands", "First touches by speed-to-lead band", "touches", Set.of(Cadence.WEEKLY),
            at -> CadenceFacts.bands(shared.firstTouches(at).speedToLead())),
        flat("stage-entries", "Leads entering each stage", "leads", Set.of(Cadence.MONTHLY), perPeriod(p -> StageNames.named(facts.stageEntries(p)))),
        flat("pipeline-by-program", "Co-signed pipeline by program", "dollars", Set.of(Cadence.QUARTERLY), perPeriod(facts::cosignedPipelineByProgram)),
        flat("revenue-by-program", "Revenue credited by program (W-shaped)", "dollars", Set.of(Cadence.QUARTERLY),
            at -> shared.programReturns(at).stream().collect(Collectors.toMap(ProgramReturn::program, ProgramReturn::revenue))),
        flat("days-in-stage", "Open deals: average days in their stage", "days", Set.of(Cadence.QUARTERLY), perPeriod(p -> StageNames.named(deals.daysInStage(p)))),
        flat("loss-reasons", "Deals lost by reason", "deals", Set.of(Cadence.QUARTERLY), perPeriod(facts::lossReasons)),
        grouped("feedback-reasons", "Why sales sent leads back, by outcome", "leads", ALL, perPeriod(p -> facts.feedbackBy("outcome", "reason", p))),
        grouped("reasons-by-campaign", "Reasons by campaign", "leads", ALL, perPeriod(p -> facts.feedbackBy("campaign", "reason", p))));
  }

  List<Kind> kinds() {
    return kinds;
  }

  /** What the pack of {@code now}'s cadence shows, each beside {@code before} (the period before it). */
  List<Breakdown> of(final At now, final At before) {
    final List<Breakdown> shown = new ArrayList<>();
    if (now.period().cadence() == Cadence.MONTHLY) {
      shown.add(Indicators.commitments(facts.mqlsBySegment(now.period())));
    }
    kinds.stream().filter(k -> k.reviewed().contains(now.period().cadence())).forEach(k -> shown.add(of(k, now, before)));
    return shown;
  }

  private static Breakdown of(final Kind kind, final At now, final At before) {
    return kind.groups() == null
        ? Indicators.breakdown(kind.key(), kind.title(), kind.unit(), kind.rows().apply(now), kind.rows().apply(before))
        : Indicators.grouped(kind.key(), kind.title(), kind.unit(), kind.groups().apply(now), kind.groups().apply(before));
  }

  /** The rows of one period alone (the boards read each period on its own). */
  static List<Indicators.Row> rows(final Kind kind, final At at) {
    return (kind.groups() == null
        ? Indicators.breakdown(kind.key(), kind.title(), kind.unit(), kind.rows().apply(at), Map.of())
        : Indicators.grouped(kind.key(), kind.title(), kind.unit(), kind.groups().apply(at), Map.of())).rows();
  }

  /** A breakdown that no measure shares: read straight from the period. */
  private static <T> Function<At, T> perPeriod(final Function<ReviewPeriod, T> query) {
    return at -> query.apply(at.period());
  }

  private static Kind flat(final String key, final String title, final String unit, final Set<Cadence> reviewed,
      final Function<At, Map<String, BigDecimal>> rows) {
    return new Kind(key, title, unit, reviewed, rows, null);
  }

  private static Kind grouped(final String key, final String title, final String unit, final Set<Cadence> reviewed,
      final Function<At, Map<String, Map<String, BigDecimal>>> groups) {
    return new Kind(key, title, unit, reviewed, null, groups);
  }
}
