package com.leadjourney.definition;

import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The agreed definition over the API: drafts from a criteria table or from a DMN edited in Camunda
 * Modeler, proposal, the two sign-offs, and every version with its DMN.
 */
@RestController
class DefinitionController {

  record Draft(@Size(max = 40) String version, @Size(max = 200) String title, List<Criterion> criteria, Definitions.Thresholds thresholds) {}

  /** Signing as the side one's role allows; someone with both roles says which. */
  record SignOff(String side) {}

  private final Definitions definitions;

  DefinitionController(final Definitions definitions) {
    this.definitions = definitions;
  }

  @GetMapping("/api/definitions")
  List<Definitions.Version> all() {
    definitions.live(); // the default exists from the first look on
    return definitions.all();
  }

  @GetMapping("/api/definitions/{version}")
  Definitions.Version one(@PathVariable final String version) {
    return definitions.version(version).orElseThrow(() -> notFound(version));
  }

  @GetMapping(value = "/api/definitions/{version}/dmn", produces = MediaType.APPLICATION_XML_VALUE)
  String dmn(@PathVariable final String version) {
    return definitions.dmn(version).orElseThrow(() -> notFound(version));
  }

  @PostMapping(value = "/api/definitions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Definitions.Version> draft(@RequestBody final Draft draft, final Authentication user) {
    final var created = definitions.draft(draft.version(), draft.title(), draft.criteria(), draft.thresholds(), user.getName());
    return ResponseEntity.created(URI.create("/api/definitions/" + created.version())).body(created);
  }

  /** A DMN from Camunda Modeler becomes a draft: its rules are read back into criteria. */
  @PostMapping(value = "/api/definitions", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  ResponseEntity<Definitions.Version> upload(
      @RequestBody final String dmn, @RequestParam(required = false) final String version, @RequestParam(required = false) final String title,
      final Authentication user) {
    final var created = definitions.draft(version, title, DefinitionDmn.criteriaOf(dmn), null, user.getName());
    return ResponseEntity.created(URI.create("/api/definitions/" + created.version())).body(created);
  }

  @PutMapping("/api/definitions/{version}")
  Definitions.Version edit(@PathVariable final String version, @RequestBody final Draft draft) {
    return definitions.edit(version, draft.title(), draft.criteria(), draft.thresholds());
  }

  @PostMapping("/api/definitions/{version}/proposal")
  Definitions.Version propose(@PathVariable final String version, final Authentication user) {
    return definitions.propose(version, user.getName());
  }

  @PostMapping("/api/definitions/{version}/signatures")
  Definitions.Version sign(@PathVariable final String version, @RequestBody(required = false) final SignOff signOff, final Authentication user) {
    return definitions.sign(version, SigningSide.of(user, signOff == null ? null : signOff.side()), user.getName());
  }

  @ExceptionHandler(DefinitionDmn.InvalidDefinition.class)
  ProblemDetail invalid(final DefinitionDmn.InvalidDefinition e) {
    final ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid definition");
    return problem;
  }


  private static ResponseStatusException notFound(final String version) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No definition version " + version);
  }
}
