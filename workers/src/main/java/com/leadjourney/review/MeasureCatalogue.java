package com.leadjourney.review;

import static com.leadjourney.review.Indicators.Better.HIGHER;
import static com.leadjourney.review.Indicators.Better.LOWER;
import static com.leadjourney.review.Indicators.Kind.LAGGING;
import static com.leadjourney.review.Indicators.Kind.LEADING;

import com.leadjourney.campaign.ProgramReturns.ProgramReturn;
import com.leadjourney.review.Measure.At;
import com.leadjourney.review.Measure.Sample;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Every business measure the product reports, each defined once (METRICS.md lists them with the
 * same words). Flow measures count what happened inside the period; rates say what their
 * denominator is; money is US dollars; attribution is W-shaped through contacts sales confirmed.
 */
@Component
class MeasureCatalogue {

  private final List<Measure> measures;

  MeasureCatalogue(
      final CadenceFacts facts, final FunnelFacts funnel, final SharedFacts shared, final DealFacts deals, final CadenceTargets targets) {
    final Function<At, CadenceFacts.FirstTouches> touches = shared::firstTouches;
    final var openTasks = (Function<At, CadenceFacts.OpenTasks>) at -> at.once("open-tasks", facts::openTasksAtEnd);
    final var mqlToSql = (Function<At, FunnelFacts.Conversion>) at -> FunnelFacts.mqlToSql(shared.definitionHealth(at));
    final var won = (Function<At, Integer>) at -> at.once("won", p -> facts.dealsClosed(p, "closed-won"));
    final var lost = (Function<At, Integer>) at -> at.once("lost", p -> facts.dealsClosed(p, "closed-lost"));
    final var accepted = (Function<At, Integer>) at -> at.once("accepted", p -> facts.tasksClosed(p, "sales-acceptance", "accepted"));
    final var rejected = (Function<At, Integer>) at -> at.once("rejected", p -> facts.tasksClosed(p, "sales-acceptance", "rejected"));
    final var revenueWon = (Function<At, BigDecimal>) at -> at.once("revenue-won", facts::revenueWon);
    final var mqls = (Function<At, BigDecimal>) at -> at.once("mqls", p -> count(facts.mqls(p)));
    final var mqlTarget = (Function<At, BigDecimal>) at -> at.once("mql-target", p -> facts.mqlTarget(p).setScale(1, RoundingMode.HALF_UP));
    final Function<At, BigDecimal> none = at -> null;
    measures = List.of(
        new Measure("new-leads", "New leads", LEADING, "leads", HIGHER, "Leads intake accepted in the period, from every source",
            "Is demand coming in?", at -> count(funnel.newLeads(at.period())), none, null),
        new Measure("mqls", "New MQLs", LEADING, "leads", HIGHER,
            "Leads that passed the live definition in the period, each lead once; target: marketing's monthly commitments, pro rata by day",
            "Is marketing on pace for its commitment?", mqls, mqlTarget, null),
        new Measure("mqls-of-commitment", "New MQLs, % of commitment", LEADING, "%", HIGHER,
            "New MQLs as a share of marketing's commitments for the period (monthly commitments pro rata by day); none without a commitment",
            "Is marketing on pace?", at -> attainment(mqls.apply(at), mqlTarget.apply(at)), at -> HUNDRED, null),
        new Measure("sqls", "SQLs (meetings booked)", LAGGING, "leads", HIGHER, "XDR tasks closed in the period with a meeting booked",
            "How many MQLs did XDRs turn into meetings?", at -> count(facts.tasksClosed(at.period(), "xdr-handoff", "meeting-booked")), none, null),
        new Measure("mql-to-sql", "MQL → SQL", LAGGING, "%", HIGHER,
            "Of the MQLs made in the period, the share an XDR has since turned into an SQL (a cohort: it can still grow)",
            "Does the definition pick leads sales can work?", at -> mqlToSql.apply(at).percent(), none,
            new Sample("MQLs", at -> mqlToSql.apply(at).mqls())),
        new Measure("first-touch-in-sla", "First touches inside the SLA", LEADING, "%", HIGHER,
            "First touches on XDR tasks in the period that came before the task's SLA deadline, of all first touches in the period",
            "Does sales keep its side of the SLA?", at -> Indicators.percent(touches.apply(at).inSla(), touches.apply(at).count()),
            at -> targets.firstTouchInSla(), new Sample("first touches", at -> touches.apply(at).count())),
        new Measure("speed-to-lead-median", "Speed-to-lead, median", LEADING, "minutes", LOWER,
            "Median time from intake (or re-engagement) to the first human touch, over first touches in the period",
            "How long does a new lead wait for a human?", at -> CadenceReview.median(touches.apply(at).speedToLead()), none, null),
        new Measure("sla-escalations", "SLA escalations", LEADING, "events", LOWER, "Deadlines that passed without a touch or decision, in the period",
            "How often did a deadline pass?", at -> count(facts.slaEscalations(at.period())), none, null),
        new Measure("open-tasks-overdue", "Open tasks past due", LEADING, "tasks", LOWER, "XDR and AE tasks open at the period's end (now, so far) past their due time",
            "Is work piling up?", at -> count(openTasks.apply(at).overdue()), none, null),
        new Measure("oldest-open-task", "Oldest open task", LEADING, "hours", LOWER, "Age of the oldest XDR or AE task open at the period's end (now, so far)",
            "Is anything forgotten?", at -> CadenceReview.hours(openTasks.apply(at).oldest()), none, null),
        new Measure("acceptance-rate", "SQLs accepted by AEs", LAGGING, "%", HIGHER,
            "AE decisions in the period that accepted the SQL, of all accept/reject decisions in the period",
            "Do AEs stand behind what XDRs hand them?", at -> Indicators.percent(accepted.apply(at), accepted.apply(at) + rejected.apply(at)),
            at -> targets.acceptanceRate(), new Sample("SQLs decided by AEs", at -> accepted.apply(at) + rejected.apply(at))),
        new Measure("opportunities-opened", "Opportunities opened", LAGGING, "deals", HIGHER, "Deals opened in the period",
            "Is sales creating pipeline?", at -> count(deals.opened(at.period())), none, null),
        new Measure("pipeline-opened", "Pipeline opened, all", LAGGING, "dollars", HIGHER, "Amounts of the deals opened in the period",
            "How much pipeline opened at all?", at -> facts.pipelineOpened(at.period(), false), none, null),
        new Measure("pipeline-cosigned", "Pipeline opened, co-signed by sales", LAGGING, "dollars", HIGHER,
            "Amounts of the deals opened in the period on which sales confirmed a contact role",
            "How much sales-ready pipeline that sales stands behind?", at -> facts.pipelineOpened(at.period(), true), none, null),
        new Measure("deals-won", "Deals won", LAGGING, "deals", HIGHER, "Deals closed won in the period",
            "How many customers did we win?", at -> count(won.apply(at)), none, null),
        new Measure("revenue-won", "Revenue won", LAGGING, "dollars", HIGHER,
            "Amounts of the deals closed won in the period; target: the quarter's revenue target, pro rata by day",
            "What did the period bring in?", revenueWon, at -> targets.revenue(at.period()), null),
        new Measure("win-rate", "Win rate", LAGGING, "%", HIGHER, "Deals closed won in the period, of all deals closed (won or lost) in the period",
            "Of the deals decided, how many did we win?", at -> Indicators.percent(won.apply(at), won.apply(at) + lost.apply(at)),
            at -> targets.winRate(), new Sample("decided deals", at -> won.apply(at) + lost.apply(at))),
        new Measure("deal-size", "Average deal won", LAGGING, "dollars", HIGHER, "Average amount of the deals closed won in the period",
            "Are we winning the deals we want?", at -> deals.averageWon(at.period()), none, null),
        new Measure("cycle-length", "Sales cycle, median", LAGGING, "days", LOWER, "Median days from opening to winning, over deals won in the period",
            "How long does a deal take?", at -> deals.medianDaysToWin(at.period()), none, null),
        new Measure("revenue-per-dollar", "Revenue per program dollar (W-shaped)", LAGGING, "ratio", HIGHER,
            "Revenue won in the period credited W-shaped to programs through contacts sales confirmed, per dollar those programs cost",
            "What does a marketing dollar return?", at -> revenuePerDollar(shared.programReturns(at)), at -> targets.revenuePerDollar(), null),
        new Measure("pipeline-coverage", "Pipeline coverage", LAGGING, "ratio", HIGHER,
            "Open pipeline at the period's end (now, so far) per dollar of the period's revenue target not yet won",
            "Is there enough pipeline to make the number?", at -> coverage(deals.openPipeline(at.period()), targets.revenue(at.period()), revenueWon.apply(at)),
            at -> targets.pipelineCoverage(), null));
  }

  List<Measure> all() {
    return measures;
  }

  Measure get(final String key) {
    return measures.stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow(() -> new NoSuchElementException("no measure " + key));
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private static BigDecimal attainment(final BigDecimal actual, final BigDecimal target) {
    return target.signum() == 0 ? null : actual.multiply(HUNDRED).divide(target, 1, RoundingMode.HALF_UP);
  }

  private static BigDecimal count(final int n) {
    return BigDecimal.valueOf(n);
  }

  private static BigDecimal revenuePerDollar(final List<ProgramReturn> returns) {
    return Indicators.ratio(
        returns.stream().map(ProgramReturn::revenue).reduce(BigDecimal.ZERO, BigDecimal::add),
        returns.stream().map(ProgramReturn::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  /** Null once the target is made: there is nothing left to cover. */
  private static BigDecimal coverage(final BigDecimal open, final BigDecimal target, final BigDecimal won) {
    final BigDecimal remaining = target.subtract(won);
    return remaining.signum() <= 0 ? null : open.divide(remaining, 2, RoundingMode.HALF_UP);
  }
}
