package com.leadjourney.review;

import com.leadjourney.platform.ReviewPeriod;
import static com.leadjourney.review.Indicators.Better.HIGHER;
import static com.leadjourney.review.Indicators.Better.LOWER;
import static com.leadjourney.review.Indicators.Kind.LAGGING;
import static com.leadjourney.review.Indicators.Kind.LEADING;

import com.leadjourney.campaign.ProgramReturns.ProgramReturn;
import com.leadjourney.review.Indicators.Breakdown;
import com.leadjourney.review.Indicators.Indicator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cadence review pack: for a week (leading indicators), month (conversion and commitments)
 * or quarter (pipeline $, revenue and return by program), every number against its target and
 * against the period before, plus a link to the matching Grafana board.
 */
@Service
public class CadenceReview {

  /** A whole review; {@code lastDay} is inclusive, for people. */
  public record Review(
      String cadence, String period, LocalDate firstDay, LocalDate lastDay, String previousPeriod, String board,
      List<Indicator> indicators, List<Breakdown> breakdowns) {}

  private final CadenceFacts facts;
  private final CadenceTargets targets;
  private final String grafanaUrl;

  CadenceReview(final CadenceFacts facts, final CadenceTargets targets, @Value("${leadjourney.grafana.url:}") final String grafanaUrl) {
    this.facts = facts;
    this.targets = targets;
    this.grafanaUrl = grafanaUrl;
  }

  @Transactional(readOnly = true)
  public Review of(final ReviewPeriod period) {
    final var pack = new Pack(period);
    switch (period.cadence()) {
      case WEEKLY -> weekly(pack);
      case MONTHLY -> monthly(pack);
      case QUARTERLY -> quarterly(pack);
    }
    return new Review(
        period.cadence().id(), period.label(), period.from(), period.to().minusDays(1), period.previous().label(),
        grafanaUrl.isBlank() ? null // no Grafana configured: no link to nowhere
            : grafanaUrl + "/d/" + period.cadence().board() + "?from=" + period.start().toEpochMilli() + "&to=" + period.end().toEpochMilli(),
        pack.indicators, pack.breakdowns);
  }

  private void weekly(final Pack pack) {
    pack.measure("mqls", "New MQLs", LEADING, "leads", HIGHER, p -> count(mqls(pack, p)), facts.mqlTarget(pack.period).setScale(1, RoundingMode.HALF_UP),
        "Is marketing on pace for its commitment (target: the month's commitment, pro rata)?");
    pack.measure("first-touch-in-sla", "First touches inside the SLA", LEADING, "%", HIGHER,
        p -> inSlaShare(firstTouches(pack, p)), targets.firstTouchInSla(), "Does sales keep its side of the SLA?");
    pack.measure("speed-to-lead-median", "Speed-to-lead, median", LEADING, "minutes", LOWER,
        p -> median(firstTouches(pack, p).speedToLead()), null, "How long does a new lead wait for a human?");
    pack.measure("sla-escalations", "SLA escalations", LEADING, "events", LOWER, p -> count(facts.slaEscalations(p)), null,
        "How often did a deadline pass without a touch or a decision?");
    pack.measure("open-tasks-overdue", "Open tasks past due at period end", LEADING, "tasks", LOWER,
        p -> count(openTasksAtEnd(pack, p).overdue()), null, "Is work piling up?");
    pack.measure("oldest-open-task", "Oldest open task at period end", LEADING, "hours", LOWER,
        p -> hours(openTasksAtEnd(pack, p).oldest()), null, "Is anything forgotten?");
    pack.breakdown("speed-to-lead-bands", "First touches by speed-to-lead band", "touches", p -> bands(firstTouches(pack, p).speedToLead()));
    pack.breakdown("feedback-reasons", "Recycle, reject and loss reasons", "leads", facts::feedbackReasons);
  }

  private void monthly(final Pack pack) {
    pack.measure("mqls", "MQLs", LAGGING, "leads", HIGHER, p -> count(mqls(pack, p)), facts.mqlTarget(pack.period).setScale(1, RoundingMode.HALF_UP),
        "Did marketing meet its commitment?");
    pack.measure("sqls", "SQLs (meetings booked)", LAGGING, "leads", HIGHER, p -> count(sqls(pack, p)), null,
        "How many MQLs did XDRs turn into meetings?");
    pack.measure("mql-to-sql", "MQL → SQL", LAGGING, "%", HIGHER,
        p -> Indicators.percent(sqls(pack, p), mqls(pack, p)), null,
        "Does the definition pick leads sales can work?");
    pack.measure("acceptance-rate", "SQLs accepted by AEs", LAGGING, "%", HIGHER, this::acceptanceRate, targets.acceptanceRate(),
        "Do AEs stand behind what XDRs hand them?");
    pack.measure("sla-escalations", "SLA escalations", LAGGING, "events", LOWER, p -> count(facts.slaEscalations(p)), null,
        "How often did a deadline pass?");
    pack.commitments(facts.mqlsBySegment(pack.period));
    pack.breakdown("stage-entries", "Leads entering each stage", "leads", facts::stageEntries);
    pack.breakdown("mql-to-sql-by-definition", "MQL → SQL by definition version", "%", facts::mqlToSqlByDefinition);
    pack.breakdown("feedback-reasons", "Recycle, reject and loss reasons", "leads", facts::feedbackReasons);
  }

  private void quarterly(final Pack pack) {
    pack.measure("pipeline-cosigned", "Pipeline opened, co-signed by sales", LAGGING, "dollars", HIGHER, p -> facts.pipelineOpened(p, true), null,
        "How much sales-ready pipeline did marketing source that sales stands behind?");
    pack.measure("pipeline-opened", "Pipeline opened, all", LAGGING, "dollars", HIGHER, p -> facts.pipelineOpened(p, false), null,
        "How much pipeline opened at all?");
    pack.measure("revenue-won", "Revenue won", LAGGING, "dollars", HIGHER, facts::revenueWon, null, "What did the quarter bring in?");
    pack.measure("win-rate", "Win rate", LAGGING, "%", HIGHER,
        p -> Indicators.percent(facts.dealsClosed(p, "closed-won"), facts.dealsClosed(p, "closed-won") + facts.dealsClosed(p, "closed-lost")),
        targets.winRate(), "Of the deals decided, how many did we win?");
    pack.measure("revenue-per-dollar", "Revenue credited per program dollar (W-shaped)", LAGGING, "ratio", HIGHER, this::revenuePerDollar,
        targets.revenuePerDollar(), "What does a marketing dollar return?");
    pack.breakdown("pipeline-by-program", "Co-signed pipeline by program", "dollars", facts::cosignedPipelineByProgram);
    pack.breakdown("revenue-by-program", "Revenue credited by program (W-shaped)", "dollars",
        p -> facts.programReturns(p).stream().collect(Collectors.toMap(ProgramReturn::program, ProgramReturn::revenue)));
    pack.breakdown("loss-reasons", "Deals lost by reason", "deals", facts::lossReasons);
  }

  // Facts several measures show are read once per period: weekly's first touches feed four of them.

  private int mqls(final Pack pack, final ReviewPeriod p) {
    return pack.once("mqls", p, facts::mqls);
  }

  private int sqls(final Pack pack, final ReviewPeriod p) {
    return pack.once("sqls", p, q -> facts.tasksClosed(q, "xdr-handoff", "meeting-booked"));
  }

  private CadenceFacts.FirstTouches firstTouches(final Pack pack, final ReviewPeriod p) {
    return pack.once("first-touches", p, facts::firstTouches);
  }

  private CadenceFacts.OpenTasks openTasksAtEnd(final Pack pack, final ReviewPeriod p) {
    return pack.once("open-tasks", p, facts::openTasksAtEnd);
  }

  private BigDecimal acceptanceRate(final ReviewPeriod p) {
    final int accepted = facts.tasksClosed(p, "sales-acceptance", "accepted");
    return Indicators.percent(accepted, accepted + facts.tasksClosed(p, "sales-acceptance", "rejected"));
  }

  private BigDecimal revenuePerDollar(final ReviewPeriod p) {
    final List<ProgramReturn> returns = facts.programReturns(p);
    return Indicators.ratio(
        returns.stream().map(ProgramReturn::revenue).reduce(BigDecimal.ZERO, BigDecimal::add),
        returns.stream().map(ProgramReturn::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private static BigDecimal count(final int n) {
    return BigDecimal.valueOf(n);
  }

  private static BigDecimal inSlaShare(final CadenceFacts.FirstTouches touches) {
    return Indicators.percent(touches.inSla(), touches.count());
  }

  private static BigDecimal median(final List<Duration> durations) {
    if (durations.isEmpty()) {
      return null;
    }
    final List<Duration> sorted = durations.stream().sorted().toList();
    final int middle = sorted.size() / 2;
    final long millis =
        sorted.size() % 2 == 1 ? sorted.get(middle).toMillis() : (sorted.get(middle - 1).toMillis() + sorted.get(middle).toMillis()) / 2;
    return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
  }

  private static BigDecimal hours(final Duration duration) {
    return BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
  }

  private static Map<String, BigDecimal> bands(final List<Duration> speedToLead) {
    final Map<String, BigDecimal> bands = new LinkedHashMap<>();
    CadenceFacts.BANDS.forEach(band -> bands.put(band, BigDecimal.ZERO));
    for (final Duration d : speedToLead) {
      final String band = d.compareTo(Duration.ofMinutes(5)) <= 0 ? CadenceFacts.BANDS.get(0)
          : d.compareTo(Duration.ofMinutes(15)) <= 0 ? CadenceFacts.BANDS.get(1)
          : d.compareTo(Duration.ofMinutes(60)) <= 0 ? CadenceFacts.BANDS.get(2)
          : CadenceFacts.BANDS.get(3);
      bands.merge(band, BigDecimal.ONE, BigDecimal::add);
    }
    return bands;
  }

  /** The review being assembled: every measure is taken for the period and the one before. */
  private static final class Pack {
    final ReviewPeriod period;
    final ReviewPeriod previous;
    final List<Indicator> indicators = new ArrayList<>();
    final List<Breakdown> breakdowns = new ArrayList<>();
    private final Map<String, Object> known = new HashMap<>();

    Pack(final ReviewPeriod period) {
      this.period = period;
      this.previous = period.previous();
    }

    void measure(
        final String key, final String name, final Indicators.Kind kind, final String unit, final Indicators.Better better,
        final Function<ReviewPeriod, BigDecimal> measure, final BigDecimal target, final String question) {
      indicators.add(Indicators.indicator(key, name, kind, unit, better, measure.apply(period), measure.apply(previous), target, question));
    }

    @SuppressWarnings("unchecked")
    <T> T once(final String fact, final ReviewPeriod p, final Function<ReviewPeriod, T> query) {
      return (T) known.computeIfAbsent(fact + " " + p.label(), ignored -> query.apply(p));
    }

    void breakdown(final String key, final String title, final String unit, final Function<ReviewPeriod, Map<String, BigDecimal>> measure) {
      breakdowns.add(Indicators.breakdown(key, title, unit, measure.apply(period), measure.apply(previous)));
    }

    /** MQLs per segment against each segment's target for the month. */
    void commitments(final Map<String, int[]> bySegment) {
      breakdowns.add(
          new Breakdown(
              "commitment-by-segment", "MQLs against commitment by segment", "leads",
              bySegment.entrySet().stream()
                  .map(e -> new Indicators.Row(e.getKey(), BigDecimal.valueOf(e.getValue()[0]), null, null, BigDecimal.valueOf(e.getValue()[1])))
                  .toList()));
    }
  }
}
