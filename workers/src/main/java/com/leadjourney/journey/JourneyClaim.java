package com.leadjourney.journey;

import com.leadjourney.lead.LeadRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Binds a lead to the first journey instance that claims it; a second instance is a duplicate. */
@Service
public class JourneyClaim {

  /** Thrown when the instance is a second journey for a lead that already has one. */
  public static final class DuplicateJourneyException extends RuntimeException {
    DuplicateJourneyException(final String leadId, final long processInstanceKey) {
      super("Lead " + leadId + " already has a journey; instance " + processInstanceKey + " is a duplicate");
    }
  }

  private final LeadRepository leads;

  JourneyClaim(final LeadRepository leads) {
    this.leads = leads;
  }

  /** Idempotent: the owning instance may claim again (redelivered job). */
  @Transactional
  public void claim(final String leadId, final long processInstanceKey) {
    if (leads.bindJourney(leadId, processInstanceKey) == 0) {
      if (!leads.existsById(leadId)) {
        throw new IllegalArgumentException("No lead with id " + leadId);
      }
      throw new DuplicateJourneyException(leadId, processInstanceKey);
    }
  }
}
