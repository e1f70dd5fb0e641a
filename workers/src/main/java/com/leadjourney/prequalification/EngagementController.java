package com.leadjourney.prequalification;

import com.leadjourney.definition.Engagements;
import com.leadjourney.engine.JourneyMessages;
import com.leadjourney.lead.LeadRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Engagements from marketing systems (web visit, webinar, reply…): scored, and a nurtured lead re-scores. */
@RestController
class EngagementController {

  record EngagementRequest(
      @NotBlank(message = "is required") @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a code such as webinar, reply or web-visit") String type,
      @Size(max = 200) String campaign,
      @com.leadjourney.platform.StorableDate(past = true) Instant occurredAt) {}

  private final LeadRepository leads;
  private final Engagements engagements;
  private final JourneyMessages messages;
  private final Clock clock;

  EngagementController(final LeadRepository leads, final Engagements engagements, final JourneyMessages messages, final Clock clock) {
    this.leads = leads;
    this.engagements = engagements;
    this.messages = messages;
    this.clock = clock;
  }

  /** 202: stored; a lead waiting in nurture re-scores. The same Idempotency-Key records it once. */
  @PostMapping("/api/leads/{leadId}/engagements")
  @Transactional
  ResponseEntity<Map<String, Object>> engage(
      @PathVariable final String leadId,
      @Valid @RequestBody final EngagementRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) final String idempotencyKey) {
    final var lead = leads.findById(leadId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + leadId));
    final String key = idempotencyKey != null ? "api:" + idempotencyKey : "api:" + UUID.randomUUID();
    final Instant at = request.occurredAt() != null ? request.occurredAt() : clock.instant();
    final boolean recorded = engagements.record(leadId, request.type(), request.campaign(), at, key, lead.getStage());
    if (recorded) {
      // A journey in nurture re-scores (kept a minute, in case it is between two waits); elsewhere the
      // engagement simply counts at the next decision.
      messages.publishAfterCommit("lead-engaged", leadId, key, Duration.ofMinutes(1), Map.of("engagementType", request.type()));
    }
    return ResponseEntity.accepted().body(Map.of("leadId", leadId, "type", request.type(), "recorded", recorded));
  }
}
