package com.leadjourney.campaign;

import com.leadjourney.review.ReviewPeriod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

  private final JdbcTemplate jdbc;
  private final ProgramCosts costs;
  private final ProgramReturns programReturns;

  CampaignController(final JdbcTemplate jdbc, final ProgramCosts costs, final ProgramReturns programReturns) {
    this.jdbc = jdbc;
    this.costs = costs;
    this.programReturns = programReturns;
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
  List<ProgramReturns.ProgramReturn> returns(@RequestParam final String quarter, @RequestParam(defaultValue = "w-shaped") final String model) {
    if (!ProgramReturns.MODELS.contains(model)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "model must be one of " + ProgramReturns.MODELS);
    }
    final ReviewPeriod period;
    try {
      period = ReviewPeriod.parse(ReviewPeriod.Cadence.QUARTERLY, quarter);
    } catch (final IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    return programReturns.between(period.start(), period.end(), model);
  }

  private static Date date(final LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
