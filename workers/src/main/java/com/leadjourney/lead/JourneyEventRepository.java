package com.leadjourney.lead;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JourneyEventRepository extends JpaRepository<JourneyEvent, Long> {

  List<JourneyEvent> findByLeadIdOrderByOccurredAtAscIdAsc(String leadId);

  boolean existsByLeadIdAndDedupeKey(String leadId, String dedupeKey);

  Optional<JourneyEvent> findFirstByLeadIdAndTypeAndStageOrderByIdDesc(String leadId, JourneyEvent.Type type, String stage);

  Optional<JourneyEvent> findFirstByLeadIdAndTypeAndOccurredAtLessThanEqualOrderByOccurredAtDesc(
      String leadId, JourneyEvent.Type type, java.time.Instant at);

  /**
   * The visit in which the lead last entered {@code stage} (0: never). A stage's effects are keyed
   * by it, not by the lead's current visit: a job of a stage the lead has just left (a slow
   * duplicate delivery) still finds what it did there.
   */
  default int visitOf(final String leadId, final String stage) {
    return findFirstByLeadIdAndTypeAndStageOrderByIdDesc(leadId, JourneyEvent.Type.STAGE_ENTERED, stage)
        .map(e -> Integer.parseInt(e.getDedupeKey().substring(e.getDedupeKey().lastIndexOf(':') + 1)))
        .orElse(0);
  }

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
