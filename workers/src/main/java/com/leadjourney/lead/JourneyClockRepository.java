package com.leadjourney.lead;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JourneyClockRepository extends JpaRepository<JourneyClock, JourneyClock.Id> {

  List<JourneyClock> findByIdLeadId(String leadId);
}
