package com.leadjourney.web;

import com.leadjourney.definition.DefinitionSuggestions;
import com.leadjourney.definition.Definitions;
import com.leadjourney.definition.SigningSide;
import com.leadjourney.definition.DefinitionDmn;
import com.leadjourney.feedback.FeedbackDigest;
import com.leadjourney.sla.MarketingPacing;
import com.leadjourney.platform.PageActions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Marketing's page at {@code /marketing}, which sales and leadership read too: the definition's
 * versions with proposal and the two sign-offs, what sales said back (reasons and objections by
 * campaign, source or definition version), and this month's pacing against the commitment.
 */
@Controller
class MarketingPage {

  private static final List<Integer> DIGEST_DAYS = List.of(7, 30, 90, 365);

  private final Definitions definitions;
  private final FeedbackDigest feedback;
  private final MarketingPacing pacing;
  private final Clock clock;
  private final DefinitionSuggestions suggestions;

  MarketingPage(
      final Definitions definitions, final FeedbackDigest feedback, final MarketingPacing pacing, final Clock clock,
      final DefinitionSuggestions suggestions) {
    this.suggestions = suggestions;
    this.definitions = definitions;
    this.feedback = feedback;
    this.pacing = pacing;
    this.clock = clock;
  }

  @GetMapping("/marketing")
  String marketing(
      @RequestParam(defaultValue = "campaign") final String by, @RequestParam(defaultValue = "30") final int days, final Model model) {
    definitions.live(); // the default version exists from the first look on
    model.addAttribute("versions", definitions.all().reversed());
    model.addAttribute("suggestions", suggestions.recent(5));
    final int window = DIGEST_DAYS.contains(days) ? days : 30;
    model.addAttribute("digest", feedback.since(clock.instant().minus(Duration.ofDays(window)), by));
    model.addAttribute("days", window);
    model.addAttribute("dayChoices", DIGEST_DAYS);
    model.addAttribute("dimensions", FeedbackDigest.DIMENSIONS.keySet().stream().sorted().toList());
    model.addAttribute("pace", pacing.latest(YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))));
    return "marketing";
  }

  /** A DMN from Camunda Modeler becomes a draft, as over the API. */
  @PostMapping("/marketing/definitions")
  String draft(
      @RequestParam final MultipartFile dmn, @RequestParam(required = false) final String version, @RequestParam(required = false) final String title,
      final Authentication user, final RedirectAttributes flash) throws IOException {
    final String xml = new String(dmn.getBytes(), StandardCharsets.UTF_8);
    return PageActions.act(flash, "/marketing", () -> {
      try {
        final var created = definitions.draft(blankToNull(version), blankToNull(title), DefinitionDmn.criteriaOf(xml), null, user.getName());
        return "Draft " + created.version() + " saved with " + created.criteria().size() + " criteria.";
      } catch (final DefinitionDmn.InvalidDefinition e) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
      }
    });
  }

  @PostMapping("/marketing/definitions/{version}/proposal")
  String propose(@PathVariable final String version, final Authentication user, final RedirectAttributes flash) {
    return PageActions.act(flash, "/marketing", () -> {
      definitions.propose(version, user.getName());
      return version + " is proposed: it goes live when marketing and sales have both signed.";
    });
  }

  @PostMapping("/marketing/definitions/{version}/signatures")
  String sign(
      @PathVariable final String version, @RequestParam(required = false) final String side, final Authentication user,
      final RedirectAttributes flash) {
    return PageActions.act(flash, "/marketing", () -> {
      final var signed = definitions.sign(version, SigningSide.of(user, blankToNull(side)), user.getName());
      return "live".equals(signed.state()) ? version + " is signed by both sides and live." : "Signed; " + version + " waits for the other side.";
    });
  }

  private static String blankToNull(final String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
