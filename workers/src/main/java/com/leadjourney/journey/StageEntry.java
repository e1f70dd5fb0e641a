package com.leadjourney.journey;

import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.JourneyEventRepository;
import com.leadjourney.lead.LeadRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Moves a lead into a journey stage: its stage, its timeline and its resume point, at once. */
@Service
public class StageEntry {

  private final LeadRepository leads;
  private final JourneyEventRepository events;
  private final MeterRegistry meters;
  private final Clock clock;

  StageEntry(
      final LeadRepository leads,
      final JourneyEventRepository events,
      final MeterRegistry meters,
      final Clock clock) {
    this.leads = leads;
    this.events = events;
    this.meters = meters;
    this.clock = clock;
  }

  /** Thrown when the job belongs to a journey instance that does not own the lead. */
  public static final class DuplicateJourneyException extends RuntimeException {
    DuplicateJourneyException(final String leadId, final long processInstanceKey) {
      super("Lead " + leadId + " already has a journey; instance " + processInstanceKey + " is a duplicate");
    }
  }

  /**
   * Idempotent: the entry is keyed by the element that records it, so a redelivered job or a
   * journey rebuilt at this element changes nothing.
   */
  @Transactional
  public void enter(
      final String leadId, final String stage, final String elementId, final long processInstanceKey) {
    if (leads.bindJourney(leadId, processInstanceKey) == 0) {
      if (!leads.existsById(leadId)) {
        throw new IllegalArgumentException("No lead with id " + leadId);
      }
      throw new DuplicateJourneyException(leadId, processInstanceKey);
    }
    final var now = clock.instant();
    final var entered =
        new JourneyEvent(leadId, JourneyEvent.Type.STAGE_ENTERED, stage, elementId, null, now, "stage-entered:" + elementId);
    if (!events.recordOnce(entered)) {
      return;
    }
    leads.enterStage(leadId, stage, elementId, now);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            meters.counter("leadjourney.stage.entered", "stage", stage).increment();
          }
        });
  }
}
