package com.leadjourney.nurture;

import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Timeline;
import com.leadjourney.definition.QualificationDecisions;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Job type {@code rescore-lead}: an engagement arrived; does the lead meet the definition now? */
@Component
public class RescoreLeadWorker {

  private final QualificationDecisions decisions;
  private final Timeline timeline;

  RescoreLeadWorker(final QualificationDecisions decisions, final Timeline timeline) {
    this.decisions = decisions;
    this.timeline = timeline;
  }

  @JobWorker(type = "rescore-lead")
  @Transactional
  public Map<String, Object> rescoreLead(@Variable(name = JourneyVariables.LEAD_ID) final String leadId, @JobKey final long jobKey) {
    final var score = decisions.rescore(leadId);
    final boolean requalified = QualificationDecisions.MQL.equals(score.outcome());
    timeline.record(
        leadId, JourneyEvent.Type.RESCORED, NurtureTrack.STAGE,
        "fit " + score.fit() + ", engagement " + score.engagement() + (requalified ? ": re-qualified" : ": not yet"), "rescored:" + jobKey);
    return Map.of("requalified", requalified, "engagementScore", score.engagement());
  }
}
