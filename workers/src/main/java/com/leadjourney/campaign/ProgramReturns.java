package com.leadjourney.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What each costed program returned: revenue credited to it in a period under one attribution
 * model, per dollar it cost. Credit flows only through contacts sales confirmed.
 */
@Service
public class ProgramReturns {

  /** One program's return in a period under one attribution model. */
  public record ProgramReturn(String program, BigDecimal cost, BigDecimal revenue, BigDecimal revenuePerDollar) {}

  public static final List<String> MODELS = List.of("first-touch", "last-touch", "linear", "w-shaped");

  private final JdbcTemplate jdbc;

  ProgramReturns(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The programs of a period — those that ran in it (by their dates) or were credited in it — each
   * with its whole cost and what was credited to it in [from, to).
   */
  public List<ProgramReturn> between(final Instant from, final Instant to, final String model) {
    return jdbc.query(
        """
        select c.name, c.cost, coalesce(sum(a.amount), 0) from campaign c
        left join attribution_credit a on a.campaign = c.name and a.model = ? and a.credited_at >= ? and a.credited_at < ?
        group by c.name, c.cost, c.starts_on, c.ends_on
        having count(a.campaign) > 0
          or ((c.starts_on is not null or c.ends_on is not null) and coalesce(c.starts_on, '1000-01-01') < ? and coalesce(c.ends_on, '9999-12-31') >= ?)
        order by c.name""",
        (row, i) -> {
          final BigDecimal cost = row.getBigDecimal(2);
          final BigDecimal revenue = row.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP);
          return new ProgramReturn(
              row.getString(1), cost, revenue, cost.signum() == 0 ? null : revenue.divide(cost, 2, RoundingMode.HALF_UP));
        },
        model, Timestamp.from(from), Timestamp.from(to), Date.valueOf(day(to)), Date.valueOf(day(from)));
  }

  private static LocalDate day(final Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
