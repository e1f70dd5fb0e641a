package com.leadjourney.lead;

import com.leadjourney.platform.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moves a lead into a journey stage: its stage, its visit, its timeline and its resume point, at once. */
@Service
public class StageEntry {

  /** The stages of a journey, as the BPMN models name them (the {@code stage} label of every metric). */
  public static final List<String> STAGES =
      List.of("contact-intake", "pre-qualification", "nurture", "xdr-handoff", "sales-acceptance", "opportunity", "customer");

  private final LeadRepository leads;
  private final Timeline timeline;
  private final MeterRegistry meters;
  private final Clock clock;
  private final ResumePoints resumePoints;

  StageEntry(final LeadRepository leads, final Timeline timeline, final MeterRegistry meters, final Clock clock, final ResumePoints resumePoints) {
    this.resumePoints = resumePoints;
    this.leads = leads;
    this.timeline = timeline;
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Idempotent: entering the stage the lead is already in (a redelivered job, a rebuilt journey)
   * is the same visit and records nothing; entering another stage starts a new visit.
   *
   * @return the stage visit, which keys the stage's side effects
   */
  /** Every stage's counter exists from the start at 0: {@code increase()} cannot see the first value of a new series. */
  @EventListener(ApplicationReadyEvent.class)
  void countFromZero() {
    STAGES.forEach(stage -> meters.counter("leadjourney.stage.entered", "stage", stage));
  }

  @Transactional
  public int enter(final String leadId, final String stage, final String elementId) {
    final var lead =
        leads.lock(leadId);
    final int visit = lead.enterStage(stage, resumePoints.of(stage), clock.instant());
    final boolean entered =
        timeline.recordAt(leadId, JourneyEvent.Type.STAGE_ENTERED, stage, elementId, "visit " + visit, "stage-entered:" + stage + ":" + visit);
    if (entered) {
      AfterCommit.run(() -> meters.counter("leadjourney.stage.entered", "stage", stage).increment());
    }
    return visit;
  }
}
