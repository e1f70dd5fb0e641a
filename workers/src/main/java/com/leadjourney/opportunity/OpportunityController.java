package com.leadjourney.opportunity;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Sales works its opportunities: stage, amount, close date, contact roles. */
@RestController
class OpportunityController {

  private final Opportunities opportunities;

  OpportunityController(final Opportunities opportunities) {
    this.opportunities = opportunities;
  }

  @GetMapping("/api/opportunities")
  List<Opportunities.View> ofLead(@RequestParam final String leadId) {
    return opportunities.ofLead(leadId);
  }

  @GetMapping("/api/opportunities/{id}")
  Opportunities.View one(@PathVariable final String id) {
    return opportunities.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No opportunity " + id));
  }

  /** 202: stored and handed to the opportunity process, which applies it once (see the lead's timeline). */
  @PostMapping("/api/opportunities/{id}/updates")
  ResponseEntity<Map<String, String>> update(@PathVariable final String id, @Valid @RequestBody final OpportunityUpdate update, final Principal user) {
    return ResponseEntity.accepted().body(Map.of("updateId", opportunities.requestUpdate(id, update, user.getName())));
  }
}
