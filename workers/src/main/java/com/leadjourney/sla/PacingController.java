package com.leadjourney.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Marketing's commitment: monthly targets per segment, and the daily pace against them. */
@RestController
class PacingController {

  record Target(@Min(value = 0, message = "must be 0 or more") int target) {}

  private static final List<String> SEGMENTS = List.of("enterprise", "mid-market", "smb", "unknown");

  private final MarketingPacing pacing;

  PacingController(final MarketingPacing pacing) {
    this.pacing = pacing;
  }

  @PutMapping("/api/marketing-targets/{month}/{segment}")
  Map<String, Object> target(@PathVariable final String month, @PathVariable final String segment, @Valid @RequestBody final Target target) {
    final YearMonth parsed = month(month);
    if (!SEGMENTS.contains(segment)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "segment must be one of " + SEGMENTS);
    }
    pacing.setTarget(segment, parsed, target.target());
    return Map.of("month", parsed.toString(), "segment", segment, "target", target.target());
  }

  /** The pace of each day of the month so far. */
  @GetMapping("/api/marketing-pacing")
  List<Map<String, Object>> pace(@RequestParam final String month) {
    return pacing.daysOf(month(month));
  }

  private static YearMonth month(final String month) {
    try {
      return YearMonth.parse(month);
    } catch (final java.time.format.DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "month must look like 2027-01");
    }
  }

  /** Recomputes one day's pace now (the schedule does today's hourly); answers with each segment's pace. */
  @PostMapping("/api/marketing-pacing/{day}")
  List<MarketingPacing.Pace> run(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) final LocalDate day) {
    return pacing.pace(day);
  }
}
