package com.leadjourney.prequalification;

import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.lead.LeadRepository;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job type {@code prepare-qualification}: the agreed fields and the lead's custom fields as the decision's inputs. */
@Component
public class PrepareQualificationWorker {

  private final LeadRepository leads;

  PrepareQualificationWorker(final LeadRepository leads) {
    this.leads = leads;
  }

  @JobWorker(type = "prepare-qualification")
  public Map<String, Object> prepareQualification(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    return leads.existing(leadId).decisionInputs();
  }
}
