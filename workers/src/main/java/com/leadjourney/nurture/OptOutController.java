package com.leadjourney.nurture;

import com.leadjourney.engine.JourneyMessages;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The contact withdrew consent (unsubscribe link, preference centre): nurture stops touching them. */
@RestController
class OptOutController {

  private final LeadRepository leads;
  private final Timeline timeline;
  private final JourneyMessages messages;
  private final Clock clock;

  OptOutController(final LeadRepository leads, final Timeline timeline, final JourneyMessages messages, final Clock clock) {
    this.leads = leads;
    this.timeline = timeline;
    this.messages = messages;
    this.clock = clock;
  }

  @PostMapping("/api/leads/{leadId}/opt-out")
  @Transactional
  ResponseEntity<Map<String, Object>> optOut(@PathVariable final String leadId) {
    final var lead = leads.lockById(leadId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + leadId));
    if (timeline.record(leadId, JourneyEvent.Type.OPTED_OUT, lead.getStage(), "consent withdrawn", "opted-out")) {
      lead.optOut(clock.instant());
      // Kept a day: a lead on its way into nurture still leaves it when it gets there.
      messages.publishAfterCommit("lead-opted-out", leadId, "opt-out:" + leadId, Duration.ofDays(1), Map.of("optedOut", true));
    }
    return ResponseEntity.accepted().body(Map.of("leadId", leadId, "consent", false));
  }
}
