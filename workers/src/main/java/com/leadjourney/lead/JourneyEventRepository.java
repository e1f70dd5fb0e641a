package com.leadjourney.lead;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JourneyEventRepository extends JpaRepository<JourneyEvent, Long> {

  List<JourneyEvent> findByLeadIdOrderByOccurredAtAscIdAsc(String leadId);

  boolean existsByLeadIdAndDedupeKey(String leadId, String dedupeKey);
}
