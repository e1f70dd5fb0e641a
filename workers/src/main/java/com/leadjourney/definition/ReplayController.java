package com.leadjourney.definition;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Replays over the API: start one for any version (202 with where to watch it), watch its
 * progress, and put two finished ones side by side.
 */
@RestController
class ReplayController {

  private final Replays replays;

  ReplayController(final Replays replays) {
    this.replays = replays;
  }

  @PostMapping("/api/definitions/{version}/replays")
  ResponseEntity<Replays.Replay> start(
      @PathVariable final String version, @RequestParam(required = false) final LocalDate from, @RequestParam(required = false) final LocalDate until,
      final Authentication user) {
    final var replay = replays.start(version, from, until, user.getName());
    return ResponseEntity.accepted().location(URI.create("/api/replays/" + replay.id())).body(replay);
  }

  @GetMapping("/api/replays/{id}")
  Replays.Replay one(@PathVariable final String id) {
    return replays.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No replay " + id));
  }

  /** Two finished replays side by side, e.g. the live version against a draft over the same history. */
  @GetMapping("/api/replays/compare")
  Map<String, Replays.Replay> compare(@RequestParam final String a, @RequestParam final String b) {
    final var first = one(a);
    final var second = one(b);
    if (!"done".equals(first.state()) || !"done".equals(second.state())) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Both replays must be done to compare them (" + first.state() + ", " + second.state() + ")");
    }
    return Map.of("a", first, "b", second);
  }
}
