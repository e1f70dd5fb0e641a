package com.leadjourney.definition;

import java.net.URI;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A definition suggested from history: ask (202), then poll until the draft and its evidence are there. */
@RestController
class SuggestionController {

  private final DefinitionSuggestions suggestions;

  SuggestionController(final DefinitionSuggestions suggestions) {
    this.suggestions = suggestions;
  }

  /** Learns from leads created in [from, until) whose outcome is known; {@code holdout} of them are kept for the evidence. */
  @PostMapping("/api/definitions/suggestions")
  ResponseEntity<DefinitionSuggestions.Suggestion> suggest(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) final LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) final LocalDate until,
      @RequestParam(defaultValue = "0.3") final double holdout, @RequestParam(defaultValue = "0.3") final double share, final Authentication user) {
    checkRange("from", from);
    checkRange("until", until);
    final var started = suggestions.start(from, until, holdout, share, user.getName());
    return ResponseEntity.accepted().location(URI.create("/api/definition-suggestions/" + started.id())).body(started);
  }

  /** A window from 1900 or 0000 is a typo, and the suggestion stores its window: the range every stored date has. */
  private static void checkRange(final String name, final LocalDate day) {
    if (day == null) {
      return;
    }
    final String problem = com.leadjourney.platform.StorableDates.problem(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), false, java.time.Instant.MAX);
    if (problem != null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " " + problem);
    }
  }

  @GetMapping("/api/definition-suggestions/{id}")
  DefinitionSuggestions.Suggestion one(@PathVariable final String id) {
    return suggestions.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No definition suggestion " + id));
  }
}
