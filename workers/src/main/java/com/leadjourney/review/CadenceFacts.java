package com.leadjourney.review;

import com.leadjourney.platform.ReviewPeriod;
import com.leadjourney.campaign.ProgramReturns;
import com.leadjourney.definition.QualificationDecisions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The numbers a cadence review is made of, read from MySQL (the source of truth, so a review of
 * any past period is exact) over one period. Flow counts: what happened inside the period.
 */
@Component
class CadenceFacts {

  /** Speed-to-lead bands of JOURNEY.md, in minutes: 0–5, 5–15, 15–60, 60+. */
  static final List<String> BANDS = List.of("0-5 min", "5-15 min", "15-60 min", "60+ min");

  /**
   * First touches on XDR tasks in the period: how fast (from intake, or from re-engagement for a
   * lead back from nurture, as {@code leadjourney_speed_to_lead_seconds}), and whether inside the SLA.
   */
  record FirstTouches(List<Duration> speedToLead, int inSla) {
    int count() {
      return speedToLead.size();
    }
  }

  /** Each first touch in its band, every band shown (an empty band is news too). */
  static Map<String, BigDecimal> bands(final List<Duration> speedToLead) {
    final Map<String, BigDecimal> bands = new LinkedHashMap<>();
    BANDS.forEach(band -> bands.put(band, BigDecimal.ZERO));
    for (final Duration d : speedToLead) {
      final String band = d.compareTo(Duration.ofMinutes(5)) <= 0 ? BANDS.get(0)
          : d.compareTo(Duration.ofMinutes(15)) <= 0 ? BANDS.get(1)
          : d.compareTo(Duration.ofMinutes(60)) <= 0 ? BANDS.get(2)
          : BANDS.get(3);
      bands.merge(band, BigDecimal.ONE, BigDecimal::add);
    }
    return bands;
  }

  /** XDR and AE tasks still open when the period ended. */
  record OpenTasks(int open, int overdue, Duration oldest) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final QualificationDecisions decisions;
  private final ProgramReturns programReturns;

  CadenceFacts(
      final JdbcTemplate jdbc, final ProgramReturns programReturns, final QualificationDecisions decisions, final Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.decisions = decisions;
    this.programReturns = programReturns;
  }

  int mqls(final ReviewPeriod p) {
    return decisions.mqls(p.start(), p.end());
  }

  /** Marketing's monthly targets (all segments) for the days of the period, pro rata. */
  BigDecimal mqlTarget(final ReviewPeriod p) {
    BigDecimal target = BigDecimal.ZERO;
    for (YearMonth month = YearMonth.from(p.from()); month.atDay(1).isBefore(p.to()); month = month.plusMonths(1)) {
      final var first = month.atDay(1).isBefore(p.from()) ? p.from() : month.atDay(1);
      final var end = month.plusMonths(1).atDay(1).isAfter(p.to()) ? p.to() : month.plusMonths(1).atDay(1);
      final Integer monthly = jdbc.queryForObject("select sum(target) from marketing_target where month = ?", Integer.class, month.toString());
      if (monthly != null) {
        target = target.add(BigDecimal.valueOf(monthly).multiply(BigDecimal.valueOf(end.toEpochDay() - first.toEpochDay()))
            .divide(BigDecimal.valueOf(month.lengthOfMonth()), 6, RoundingMode.HALF_UP));
      }
    }
    return target;
  }

  /** MQLs against target per segment, for months: {segment: [actual, target]}. */
  Map<String, int[]> mqlsBySegment(final ReviewPeriod p) {
    final Map<String, int[]> bySegment = new TreeMap<>();
    jdbc.query(
        "select segment, sum(target) from marketing_target where month = ? group by segment",
        row -> {
          bySegment.put(row.getString(1), new int[] {0, row.getInt(2)});
        },
        YearMonth.from(p.from()).toString());
    decisions.mqlsBySegment(p.start(), p.end()).forEach((segment, mqls) -> bySegment.computeIfAbsent(segment, s -> new int[2])[0] = mqls);
    return bySegment;
  }

  FirstTouches firstTouches(final ReviewPeriod p) {
    final List<Duration> speed = new ArrayList<>();
    final int[] inSla = {0};
    jdbc.query(
        """
        select greatest(l.created_at, coalesce((select max(e.occurred_at) from journey_event e
            where e.lead_id = t.lead_id and e.type = 'REENGAGED' and e.occurred_at <= t.first_touch_at), l.created_at)),
          t.first_touch_at, t.due_at
        from human_task t join leads l on l.id = t.lead_id
        where t.process_id = 'xdr-handoff' and t.first_touch_at >= ? and t.first_touch_at < ? order by t.first_touch_at""",
        row -> {
          final var touched = row.getTimestamp(2).toInstant();
          speed.add(Duration.between(row.getTimestamp(1).toInstant(), touched));
          final Timestamp due = row.getTimestamp(3);
          if (due == null || !touched.isAfter(due.toInstant())) {
            inSla[0]++;
          }
        },
        start(p), end(p));
    return new FirstTouches(speed, inSla[0]);
  }

  int slaEscalations(final ReviewPeriod p) {
    return count("select count(*) from journey_event where type = 'SLA_ESCALATED' and occurred_at >= ? and occurred_at < ?", p);
  }

  /** Open tasks at the period's end — or now, for the current period: a task not yet due is not overdue. */
  OpenTasks openTasksAtEnd(final ReviewPeriod p) {
    final Timestamp end = Timestamp.from(p.end().isAfter(clock.instant()) ? clock.instant() : p.end());
    return jdbc.queryForObject(
        """
        select count(*), coalesce(sum(case when due_at < ? then 1 else 0 end), 0), min(created_at) from human_task
        where created_at < ? and (closed_at is null or closed_at >= ?)""",
        (row, i) -> new OpenTasks(
            row.getInt(1), row.getInt(2),
            row.getTimestamp(3) == null ? Duration.ZERO : Duration.between(row.getTimestamp(3).toInstant(), end.toInstant())),
        end, end, end);
  }

  /** Tasks of a stage closed in the period with that outcome (meeting-booked, accepted, rejected…). */
  int tasksClosed(final ReviewPeriod p, final String processId, final String outcome) {
    return jdbc.queryForObject(
        "select count(*) from human_task where process_id = ? and outcome = ? and closed_at >= ? and closed_at < ?",
        Integer.class, processId, outcome, start(p), end(p));
  }

  /**
   * Feedback given in the period counted by two columns (outcome and reason, campaign and reason):
   * {first: {second: count}}. The columns are this class's constants, never input.
   */
  Map<String, Map<String, BigDecimal>> feedbackBy(final String first, final String second, final ReviewPeriod p) {
    final Map<String, Map<String, BigDecimal>> counts = new TreeMap<>();
    jdbc.query(
        "select coalesce(" + first + ", 'none'), " + second + ", count(*) from feedback where recorded_at >= ? and recorded_at < ? group by 1, 2",
        row -> {
          counts.computeIfAbsent(row.getString(1), k -> new TreeMap<>()).put(row.getString(2), row.getBigDecimal(3));
        },
        start(p), end(p));
    return counts;
  }

  Map<String, BigDecimal> stageEntries(final ReviewPeriod p) {
    return grouped(
        "select stage, count(distinct lead_id) from journey_event where type = 'STAGE_ENTERED' and occurred_at >= ? and occurred_at < ? group by stage", p);
  }

  /** Opportunity dollars opened in the period; co-signed = sales confirmed a contact role on it. */
  BigDecimal pipelineOpened(final ReviewPeriod p, final boolean cosignedOnly) {
    return jdbc.queryForObject(
        "select coalesce(sum(o.amount), 0) from opportunity o where o.opened_at >= ? and o.opened_at < ?"
            + (cosignedOnly ? " and exists (select 1 from opportunity_contact_role r where r.opportunity_id = o.id and r.confirmed)" : ""),
        BigDecimal.class, start(p), end(p));
  }

  /**
   * Co-signed pipeline opened in the period, credited to programs like revenue is: only through
   * contacts whose role sales confirmed, split evenly over the programs that touched them before
   * the deal opened.
   */
  Map<String, BigDecimal> cosignedPipelineByProgram(final ReviewPeriod p) {
    final Map<String, List<String>> programsByDeal = new LinkedHashMap<>();
    final Map<String, BigDecimal> amountByDeal = new LinkedHashMap<>();
    jdbc.query(
        """
        select distinct o.id, o.amount, e.campaign from opportunity o
        join opportunity_contact_role r on r.opportunity_id = o.id and r.confirmed
        join engagement e on e.lead_id = r.lead_id and e.campaign is not null and e.occurred_at <= o.opened_at
        where o.opened_at >= ? and o.opened_at < ? and o.amount is not null order by o.id, e.campaign""",
        row -> {
          programsByDeal.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(3));
          amountByDeal.put(row.getString(1), row.getBigDecimal(2));
        },
        start(p), end(p));
    final Map<String, BigDecimal> byProgram = new TreeMap<>();
    programsByDeal.forEach(
        (deal, programs) -> {
          final BigDecimal share = amountByDeal.get(deal).divide(BigDecimal.valueOf(programs.size()), 2, RoundingMode.HALF_UP);
          programs.forEach(program -> byProgram.merge(program, share, BigDecimal::add));
        });
    return byProgram;
  }

  BigDecimal revenueWon(final ReviewPeriod p) {
    return jdbc.queryForObject(
        "select coalesce(sum(amount), 0) from opportunity where stage = 'closed-won' and closed_at >= ? and closed_at < ?",
        BigDecimal.class, start(p), end(p));
  }

  int dealsClosed(final ReviewPeriod p, final String stage) {
    return jdbc.queryForObject(
        "select count(*) from opportunity where stage = ? and closed_at >= ? and closed_at < ?", Integer.class, stage, start(p), end(p));
  }

  Map<String, BigDecimal> lossReasons(final ReviewPeriod p) {
    return grouped(
        "select coalesce(reason, 'none given'), count(*) from opportunity where stage = 'closed-lost' and closed_at >= ? and closed_at < ? group by 1", p);
  }

  List<ProgramReturns.ProgramReturn> programReturns(final ReviewPeriod p) {
    return programReturns.between(p.start(), p.end(), "w-shaped");
  }

  private int count(final String sql, final ReviewPeriod p) {
    return jdbc.queryForObject(sql, Integer.class, start(p), end(p));
  }

  private Map<String, BigDecimal> grouped(final String sql, final ReviewPeriod p) {
    final Map<String, BigDecimal> rows = new TreeMap<>();
    jdbc.query(sql, row -> {
      rows.put(row.getString(1), row.getBigDecimal(2));
    }, start(p), end(p));
    return rows;
  }

  private static Timestamp start(final ReviewPeriod p) {
    return Timestamp.from(p.start());
  }

  private static Timestamp end(final ReviewPeriod p) {
    return Timestamp.from(p.end());
  }
}
