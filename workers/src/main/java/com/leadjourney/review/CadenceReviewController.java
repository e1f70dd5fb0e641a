package com.leadjourney.review;

import com.leadjourney.platform.ReviewPeriod;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The cadence review pack over the API: {@code GET /api/cadence-reviews/weekly?period=2026-W47}
 * (default: the current period, so far) as JSON, or as CSV for the spreadsheet people keep.
 */
@RestController
class CadenceReviewController {

  private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final CadenceReview reviews;
  private final Clock clock;

  CadenceReviewController(final CadenceReview reviews, final Clock clock) {
    this.reviews = reviews;
    this.clock = clock;
  }

  @GetMapping("/api/cadence-reviews/{cadence}")
  CadenceReview.Review review(@PathVariable final String cadence, @RequestParam(required = false) final String period) {
    return reviews.of(period(cadence, period, clock), today(clock));
  }

  /** The same file for scripts (/api) and for the review page's link (/reviews, the signed-in session). */
  @GetMapping({"/api/cadence-reviews/{cadence}/export.csv", "/reviews/{cadence}/export.csv"})
  ResponseEntity<String> csv(@PathVariable final String cadence, @RequestParam(required = false) final String period) {
    final var review = reviews.of(period(cadence, period, clock), today(clock));
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("cadence-review-" + review.cadence() + "-" + review.period() + ".csv").build().toString())
        .body(csv(review));
  }

  static LocalDate today(final Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * The named period of the cadence, or the current one so far (what a board shows beside it; the
   * pack links to the one before); a bad name is the caller's 400.
   */
  static ReviewPeriod period(final String cadence, final String label, final Clock clock) {
    try {
      final ReviewPeriod.Cadence c = ReviewPeriod.Cadence.of(cadence);
      return label == null || label.isBlank() ? ReviewPeriod.containing(c, today(clock)) : ReviewPeriod.parse(c, label.trim());
    } catch (final IllegalArgumentException | java.time.DateTimeException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  /** One row per indicator, then one per breakdown row; the section column says which. */
  static String csv(final CadenceReview.Review review) {
    final var out = new StringWriter();
    try (var printer =
        new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("period", "section", "group", "item", "unit", "value", "previous", "delta", "target", "status").get())) {
      for (final var i : review.indicators()) {
        printer.printRecord(review.period(), "indicator", null, i.name(), i.unit(), i.value(), i.previous(), i.delta(), i.target(), i.status());
      }
      for (final var b : review.breakdowns()) {
        for (final var row : b.rows()) {
          printer.printRecord(review.period(), b.title(), row.group(), row.label(), b.unit(), row.value(), row.previous(), row.delta(), row.target(), null);
        }
      }
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
