package com.leadjourney.review;

import com.leadjourney.campaign.ProgramReturns.ProgramReturn;
import com.leadjourney.platform.ReviewPeriod;
import com.leadjourney.platform.ReviewPeriod.Cadence;
import com.leadjourney.review.Indicators.Breakdown;
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
 * those its cadence reviews; {@link MeasureGauges} exports them all for the boards.
 */
@Component
class ReviewBreakdowns {

  private static final Set<Cadence> ALL = Set.of(Cadence.WEEKLY, Cadence.MONTHLY, Cadence.QUARTERLY);
  private static final Set<Cadence> MONTH_AND_QUARTER = Set.of(Cadence.MONTHLY, Cadence.QUARTERLY);

  /** One breakdown of the catalogue; {@code groups} when its rows come in groups (feedback by outcome). */
  record Kind(String key, String title, String unit, Set<Cadence> reviewed, Function<ReviewPeriod, Map<String, BigDecimal>> rows,
      Function<ReviewPeriod, Map<String, Map<String, BigDecimal>>> groups) {}

  private final List<Kind> kinds;
  private final CadenceFacts facts;

  ReviewBreakdowns(final CadenceFacts facts, final FunnelFacts funnel, final DealFacts deals) {
    this.facts = facts;
    kinds = List.of(
        flat("funnel", "Funnel: this period's new leads and how far they got", "leads", ALL, funnel::funnel),
        flat("funnel-conversion", "Funnel conversion, step to step", "%", ALL, p -> FunnelFacts.stepConversions(funnel.funnel(p))),
        flat("mql-to-sql-by-source", "MQL → SQL by source", "%", MONTH_AND_QUARTER, funnel::mqlToSqlBySource),
        flat("mql-to-sql-by-campaign", "MQL → SQL by campaign", "%", MONTH_AND_QUARTER, funnel::mqlToSqlByCampaign),
        flat("mql-to-sql-by-definition", "MQL → SQL by definition version", "%", MONTH_AND_QUARTER, funnel::mqlToSqlByDefinition),
        flat("speed-to-lead-bands", "First touches by speed-to-lead band", "touches", Set.of(Cadence.WEEKLY),
            p -> CadenceFacts.bands(facts.firstTouches(p).speedToLead())),
        flat("stage-entries", "Leads entering each stage", "leads", Set.of(Cadence.MONTHLY), p -> StageNames.named(facts.stageEntries(p))),
        flat("pipeline-by-program", "Co-signed pipeline by program", "dollars", Set.of(Cadence.QUARTERLY), facts::cosignedPipelineByProgram),
        flat("revenue-by-program", "Revenue credited by program (W-shaped)", "dollars", Set.of(Cadence.QUARTERLY),
            p -> facts.programReturns(p).stream().collect(Collectors.toMap(ProgramReturn::program, ProgramReturn::revenue))),
        flat("days-in-stage", "Open deals: average days in their stage", "days", Set.of(Cadence.QUARTERLY), p -> StageNames.named(deals.daysInStage(p))),
        flat("loss-reasons", "Deals lost by reason", "deals", Set.of(Cadence.QUARTERLY), facts::lossReasons),
        grouped("feedback-reasons", "Why sales sent leads back, by outcome", "leads", ALL, p -> facts.feedbackBy("outcome", "reason", p)),
        grouped("reasons-by-campaign", "Reasons by campaign", "leads", ALL, p -> facts.feedbackBy("campaign", "reason", p)));
  }

  List<Kind> kinds() {
    return kinds;
  }

  /** What the pack of the period's cadence shows, each beside the period before. */
  List<Breakdown> of(final ReviewPeriod period) {
    final List<Breakdown> shown = new ArrayList<>();
    if (period.cadence() == Cadence.MONTHLY) {
      shown.add(Indicators.commitments(facts.mqlsBySegment(period)));
    }
    kinds.stream().filter(k -> k.reviewed().contains(period.cadence())).forEach(k -> shown.add(of(k, period)));
    return shown;
  }

  static Breakdown of(final Kind kind, final ReviewPeriod period) {
    return kind.groups() == null
        ? Indicators.breakdown(kind.key(), kind.title(), kind.unit(), kind.rows().apply(period), kind.rows().apply(period.previous()))
        : Indicators.grouped(kind.key(), kind.title(), kind.unit(), kind.groups().apply(period), kind.groups().apply(period.previous()));
  }

  /** The rows of one period alone (the boards read each period on its own). */
  static List<Indicators.Row> rows(final Kind kind, final ReviewPeriod period) {
    return (kind.groups() == null
        ? Indicators.breakdown(kind.key(), kind.title(), kind.unit(), kind.rows().apply(period), Map.of())
        : Indicators.grouped(kind.key(), kind.title(), kind.unit(), kind.groups().apply(period), Map.of())).rows();
  }

  private static Kind flat(final String key, final String title, final String unit, final Set<Cadence> reviewed,
      final Function<ReviewPeriod, Map<String, BigDecimal>> rows) {
    return new Kind(key, title, unit, reviewed, rows, null);
  }

  private static Kind grouped(final String key, final String title, final String unit, final Set<Cadence> reviewed,
      final Function<ReviewPeriod, Map<String, Map<String, BigDecimal>>> groups) {
    return new Kind(key, title, unit, reviewed, null, groups);
  }
}
