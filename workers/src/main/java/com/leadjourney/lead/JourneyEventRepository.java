package com.leadjourney.lead;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JourneyEventRepository extends JpaRepository<JourneyEvent, Long> {

  List<JourneyEvent> findByLeadIdOrderByOccurredAtAscIdAsc(String leadId);

  boolean existsByLeadIdAndDedupeKey(String leadId, String dedupeKey);

  /**
   * Saves the event unless the lead already has one with its dedupe key: how a redelivered job
   * records nothing twice. True when it was saved. Call inside the effect's transaction.
   */
  default boolean recordOnce(final JourneyEvent event) {
    if (existsByLeadIdAndDedupeKey(event.getLeadId(), event.getDedupeKey())) {
      return false;
    }
    save(event);
    return true;
  }
}
