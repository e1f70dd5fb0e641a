package com.leadjourney.lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JourneyClockRepository extends JpaRepository<JourneyClock, JourneyClock.Id> {

  List<JourneyClock> findByIdLeadId(String leadId);

  /** The lead's stored due times by clock name: what its timers wait for. */
  default Map<String, Instant> dueTimes(final String leadId) {
    return findByIdLeadId(leadId).stream().collect(Collectors.toMap(JourneyClock::name, JourneyClock::dueAt));
  }
}
