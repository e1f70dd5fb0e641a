package com.leadjourney.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Marketing's programs with their cost, and what each returned: revenue credited per dollar spent. */
@RestController
class CampaignController {

  record Campaign(@Size(max = 40) String channel, @NotNull @PositiveOrZero BigDecimal cost, LocalDate startsOn, LocalDate endsOn) {}

  /** One program's return in a quarter under one attribution model. */
  record ProgramReturn(String program, BigDecimal cost, BigDecimal revenue, BigDecimal revenuePerDollar) {}

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final List<String> MODELS = List.of("first-touch", "last-touch", "linear", "w-shaped");

  private final JdbcTemplate jdbc;
  private final ProgramCosts costs;

  CampaignController(final JdbcTemplate jdbc, final ProgramCosts costs) {
    this.jdbc = jdbc;
    this.costs = costs;
  }

  @PutMapping("/api/campaigns/{name}")
  Map<String, Object> put(@PathVariable final String name, @Valid @RequestBody final Campaign campaign) {
    if (campaign.startsOn() != null && campaign.endsOn() != null && campaign.endsOn().isBefore(campaign.startsOn())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "endsOn must not be before startsOn");
    }
    jdbc.update(
        """
        insert into campaign (name, channel, cost, starts_on, ends_on) values (?, ?, ?, ?, ?)
        on duplicate key update channel = values(channel), cost = values(cost), starts_on = values(starts_on), ends_on = values(ends_on)""",
        name, campaign.channel(), campaign.cost(), date(campaign.startsOn()), date(campaign.endsOn()));
    costs.refresh();
    return jdbc.queryForMap("select name, channel, cost, starts_on, ends_on from campaign where name = ?", name);
  }

  /**
   * Revenue credited to each costed program in the quarter ({@code 2026-Q4}) under the model,
   * per dollar the program cost. Credit flows only through contacts sales confirmed.
   */
  @GetMapping("/api/programs/return")
  List<ProgramReturn> returns(@RequestParam final String quarter, @RequestParam(defaultValue = "w-shaped") final String model) {
    final Matcher q = QUARTER.matcher(quarter);
    if (!q.matches()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "quarter must look like 2026-Q4");
    }
    if (!MODELS.contains(model)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "model must be one of " + MODELS);
    }
    final LocalDate from = LocalDate.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1, 1);
    return jdbc.query(
        """
        select c.name, c.cost, coalesce(sum(a.amount), 0) from campaign c
        left join attribution_credit a on a.campaign = c.name and a.model = ? and a.credited_at >= ? and a.credited_at < ?
        group by c.name, c.cost order by c.name""",
        (row, i) -> {
          final BigDecimal cost = row.getBigDecimal(2);
          final BigDecimal revenue = row.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP);
          return new ProgramReturn(
              row.getString(1), cost, revenue, cost.signum() == 0 ? null : revenue.divide(cost, 2, RoundingMode.HALF_UP));
        },
        model, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
        Timestamp.from(from.plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  private static Date date(final LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
