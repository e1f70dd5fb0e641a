package com.leadjourney.journey;

import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.engine.InFlightInstances;
import com.leadjourney.lead.LeadRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/** lead-journey instances in flight: every open lead's current instance. */
@Component
class LeadJourneyInstances implements InFlightInstances {

  private final LeadRepository leads;

  LeadJourneyInstances(final LeadRepository leads) {
    this.leads = leads;
  }

  @Override
  public String processId() {
    return JourneyVariables.PROCESS_ID;
  }

  @Override
  public List<Long> processInstanceKeys() {
    return leads.findOpenJourneyInstanceKeys();
  }
}
