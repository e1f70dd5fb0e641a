package com.leadjourney.campaign;

import com.leadjourney.platform.StorableDate;
import com.leadjourney.platform.ReviewPeriod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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

  record Campaign(@Size(max = 40) String channel, @NotNull @PositiveOrZero BigDecimal cost, @StorableDate LocalDate startsOn, @StorableDate LocalDate endsOn) {}

  private final ProgramCosts costs;
  private final ProgramReturns programReturns;

  CampaignController(final ProgramCosts costs, final ProgramReturns programReturns) {
    this.costs = costs;
    this.programReturns = programReturns;
  }

  @PutMapping("/api/campaigns/{name}")
  Map<String, Object> put(@PathVariable final String name, @Valid @RequestBody final Campaign campaign) {
    if (campaign.startsOn() != null && campaign.endsOn() != null && campaign.endsOn().isBefore(campaign.startsOn())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "endsOn must not be before startsOn");
    }
    return costs.save(name, campaign.channel(), campaign.cost(), campaign.startsOn(), campaign.endsOn());
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
}
