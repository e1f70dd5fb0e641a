package com.leadjourney.web;

import com.leadjourney.definition.DefinitionSuggestions;
import com.leadjourney.definition.Definitions;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A definition suggested from history, on marketing's page: ask for one, watch it learn, then read
 * the draft beside the live definition with the held-out evidence — and take the draft on (edit
 * its DMN in Camunda Modeler, propose it, two signatures).
 */
@Controller
class SuggestionPage {

  private final DefinitionSuggestions suggestions;
  private final Definitions definitions;

  SuggestionPage(final DefinitionSuggestions suggestions, final Definitions definitions) {
    this.suggestions = suggestions;
    this.definitions = definitions;
  }

  @PostMapping("/marketing/definitions/suggestions")
  String suggest(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) final LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) final LocalDate until,
      @RequestParam(defaultValue = "30") final int holdoutPercent, @RequestParam(defaultValue = "30") final int sharePercent,
      final Authentication user, final RedirectAttributes flash) {
    try {
      return "redirect:/marketing/definitions/suggestions/"
          + suggestions.start(from, until, holdoutPercent / 100.0, sharePercent / 100.0, user.getName()).id();
    } catch (final ResponseStatusException e) {
      flash.addFlashAttribute("problem", e.getReason());
      return "redirect:/marketing#suggest";
    }
  }

  @GetMapping("/marketing/definitions/suggestions/{id}")
  String suggestion(@PathVariable final String id, final Model model) {
    final var suggestion = suggestions.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No definition suggestion " + id));
    model.addAttribute("s", suggestion);
    if ("done".equals(suggestion.state())) {
      final var view = SuggestionView.of(suggestion.heldOut());
      model.addAttribute("view", view);
      model.addAttribute("draft", definitions.version(suggestion.draftVersion()).orElse(null));
      model.addAttribute("live", definitions.version(view.liveVersion()).orElse(null));
    }
    return "suggestion";
  }

  /** A version's DMN as a file for Camunda Modeler: edit it there and upload it as a new draft. */
  @GetMapping("/marketing/definitions/{version}/dmn")
  void dmn(@PathVariable final String version, final HttpServletResponse response) throws IOException {
    final String xml = definitions.dmn(version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No definition version " + version));
    response.setContentType("application/xml;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"lead-qualification-" + version + ".dmn\"");
    response.getOutputStream().write(xml.getBytes(StandardCharsets.UTF_8));
  }
}
