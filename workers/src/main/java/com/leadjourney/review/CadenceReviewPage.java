package com.leadjourney.review;

import com.leadjourney.platform.ReviewPeriod;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The printable review page leadership brings to the meeting: {@code /reviews/monthly?period=2026-10}. */
@Controller
class CadenceReviewPage {

  private final CadenceReview reviews;
  private final Clock clock;

  CadenceReviewPage(final CadenceReview reviews, final Clock clock) {
    this.reviews = reviews;
    this.clock = clock;
  }

  @GetMapping("/reviews/{cadence}")
  String page(@PathVariable final String cadence, @RequestParam(required = false) final String period, final Model model) {
    final ReviewPeriod p = CadenceReviewController.period(cadence, period, clock);
    model.addAttribute("review", reviews.of(p, CadenceReviewController.today(clock)));
    model.addAttribute("previous", p.previous().label());
    model.addAttribute("next", p.next().label());
    return "review";
  }
}
