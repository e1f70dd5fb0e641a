package com.leadjourney.journey;

import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ends a lead's journey with its result: it leaves the open journeys (nothing rebuilds it). */
@Service
class JourneyClosing {

  /** The results a journey can end with; a bounded metric label. */
  static final Set<String> RESULTS =
      Set.of("customer", "disqualified", "rejected-by-sales", "rejected", "merged", "opted-out", "aged-out");

  private final LeadRepository leads;
  private final Timeline timeline;
  private final MeterRegistry meters;
  private final Clock clock;

  JourneyClosing(final LeadRepository leads, final Timeline timeline, final MeterRegistry meters, final Clock clock) {
    this.leads = leads;
    this.timeline = timeline;
    this.meters = meters;
    this.clock = clock;
  }

  @Transactional
  void close(final String leadId, final String result) {
    if (!RESULTS.contains(result)) {
      throw new IllegalArgumentException("Journey result '" + result + "' is not one of " + RESULTS);
    }
    final var lead = leads.lock(leadId);
    if (!timeline.record(leadId, JourneyEvent.Type.JOURNEY_CLOSED, lead.getStage(), "result: " + result, "journey-closed")) {
      return;
    }
    lead.close(result, clock.instant());
    final String stage = lead.getStage();
    AfterCommit.run(() -> meters.counter("leadjourney.journeys.closed", "result", result, "stage", stage).increment());
  }
}
