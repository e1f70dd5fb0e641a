package com.leadjourney.journey;

import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Job type {@code record-reengagement} of lead-journey: a nurtured lead goes back to qualification (once per nurture visit). */
@Component
public class RecordReengagementWorker {

  private final LeadRepository leads;
  private final Timeline timeline;
  private final MeterRegistry meters;

  RecordReengagementWorker(final LeadRepository leads, final Timeline timeline, final MeterRegistry meters) {
    this.leads = leads;
    this.timeline = timeline;
    this.meters = meters;
  }

  @JobWorker(type = "record-reengagement")
  @Transactional
  public void recordReengagement(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    final var lead = leads.existing(leadId);
    final String track = lead.nurtureTrackOrDefault();
    if (timeline.record(leadId, JourneyEvent.Type.REENGAGED, lead.getStage(), "re-engaged from track " + track, "reengaged:" + timeline.visitOf(leadId, JourneyStages.NURTURE))) {
      AfterCommit.run(() -> meters.counter("leadjourney.nurture.reengaged", "track", track).increment());
    }
  }
}
