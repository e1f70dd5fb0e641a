package com.leadjourney.definition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay counts: for every lead, whether the definition would have qualified it and how
 * far it really got — overall, by segment and by source.
 */
final class ReplayTally {

  /** Conversion rates of a set of leads, in %. */
  record Rates(int leads, BigDecimal toSql, BigDecimal toOpportunity, BigDecimal won) {}

  /**
   * One slice: the leads the definition qualified against those it did not, and all of them.
   *
   * @param liftWon how many times likelier a qualified lead was to be won than any lead (null: none won)
   */
  record Slice(String key, Rates qualified, Rates notQualified, Rates all, BigDecimal liftSql, BigDecimal liftWon) {}

  record Result(String version, int leads, int qualified, BigDecimal qualifiedShare, Slice overall, List<Slice> bySegment, List<Slice> bySource) {}

  /** Counts of one slice: [qualified?][leads, sql, opportunity, won]. */
  private static final class Counts {
    final int[][] n = new int[2][4];

    void add(final boolean qualified, final boolean sql, final boolean opportunity, final boolean won) {
      final int[] row = n[qualified ? 1 : 0];
      row[0]++;
      row[1] += sql ? 1 : 0;
      row[2] += opportunity ? 1 : 0;
      row[3] += won ? 1 : 0;
    }
  }

  private final Counts overall = new Counts();
  private final Map<String, Counts> bySegment = new TreeMap<>();
  private final Map<String, Counts> bySource = new TreeMap<>();

  void add(final String segment, final String source, final boolean qualified, final boolean sql, final boolean opportunity, final boolean won) {
    overall.add(qualified, sql, opportunity, won);
    bySegment.computeIfAbsent(segment, s -> new Counts()).add(qualified, sql, opportunity, won);
    bySource.computeIfAbsent(source, s -> new Counts()).add(qualified, sql, opportunity, won);
  }

  Result result(final String version) {
    final int leads = overall.n[0][0] + overall.n[1][0];
    return new Result(
        version, leads, overall.n[1][0], percent(overall.n[1][0], leads), slice("all", overall),
        bySegment.entrySet().stream().map(e -> slice(e.getKey(), e.getValue())).toList(),
        bySource.entrySet().stream().map(e -> slice(e.getKey(), e.getValue())).toList());
  }

  private static Slice slice(final String key, final Counts c) {
    final int[] all = {c.n[0][0] + c.n[1][0], c.n[0][1] + c.n[1][1], c.n[0][2] + c.n[1][2], c.n[0][3] + c.n[1][3]};
    return new Slice(key, rates(c.n[1]), rates(c.n[0]), rates(all), lift(c.n[1], all, 1), lift(c.n[1], all, 3));
  }

  private static Rates rates(final int[] row) {
    return new Rates(row[0], percent(row[1], row[0]), percent(row[2], row[0]), percent(row[3], row[0]));
  }

  /** Rate among the qualified over the rate among all leads (the base rate). */
  private static BigDecimal lift(final int[] qualified, final int[] all, final int column) {
    if (qualified[0] == 0 || all[column] == 0) {
      return null;
    }
    return BigDecimal.valueOf((long) qualified[column] * all[0]).divide(BigDecimal.valueOf((long) all[column] * qualified[0]), 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal percent(final int part, final int whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
