package com.leadjourney.contactintake;

import com.leadjourney.lead.JourneyEventRepository;
import com.leadjourney.lead.LeadRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Validated
class LeadController {

  private final IdempotentIntake intake;
  private final LeadRepository leads;
  private final JourneyEventRepository events;

  LeadController(final IdempotentIntake intake, final LeadRepository leads, final JourneyEventRepository events) {
    this.intake = intake;
    this.leads = leads;
    this.events = events;
  }

  /**
   * Accepts a lead. 202: stored, its journey starts asynchronously. The same Idempotency-Key
   * returns the same lead and starts no second journey.
   */
  @PostMapping("/api/leads")
  ResponseEntity<Map<String, String>> accept(
      @Valid @RequestBody final LeadRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 200) final String idempotencyKey) {
    return accepted(intake.accept(request, idempotencyKey));
  }

  /** 202 with where the lead is; {@code Idempotent-Replayed: true} when this key had brought it before. */
  static ResponseEntity<Map<String, String>> accepted(final IntakeService.Accepted accepted) {
    final var lead = accepted.lead();
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/leads/" + lead.getId()))
        .header("Idempotent-Replayed", String.valueOf(!accepted.created()))
        .body(Map.of("id", lead.getId(), "stage", lead.getStage()));
  }

  @GetMapping("/api/leads/{id}")
  LeadView lead(@PathVariable final String id) {
    final var lead =
        leads.findById(id)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead with id " + id + "; check the id returned by POST /api/leads"));
    return LeadView.of(lead, events.findByLeadIdOrderByOccurredAtAscIdAsc(id));
  }
}
