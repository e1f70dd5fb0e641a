package com.leadjourney.lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LeadRepository extends JpaRepository<Lead, String> {

  Optional<Lead> findByIdempotencyKey(String idempotencyKey);

  /**
   * Binds the lead to a journey instance unless another instance already owns it: the first
   * instance wins, so a journey started twice (outbox retry after a lost reply) is detected.
   */
  @Modifying(flushAutomatically = true)
  @Query(
      """
      update Lead l set l.processInstanceKey = :key, l.version = l.version + 1
      where l.id = :id and (l.processInstanceKey is null or l.processInstanceKey = :key)""")
  int bindJourney(@Param("id") String id, @Param("key") long processInstanceKey);

  @Modifying(flushAutomatically = true)
  @Query(
      """
      update Lead l set l.stage = :stage, l.resumeElement = :element, l.updatedAt = :now,
        l.version = l.version + 1
      where l.id = :id""")
  int enterStage(
      @Param("id") String id,
      @Param("stage") String stage,
      @Param("element") String element,
      @Param("now") Instant now);

  /** Open journeys whose engine instance was started before: the ones to rebuild. */
  @Query(
      """
      select l from Lead l where l.journeyState = com.leadjourney.lead.Lead.JourneyState.OPEN
      and not exists (select o from com.leadjourney.intake.OutboxEntry o where o.leadId = l.id and o.dispatchedAt is null)
      order by l.createdAt""")
  List<Lead> findOpenStartedJourneys();

  @Query(
      """
      select l.processInstanceKey from Lead l
      where l.journeyState = com.leadjourney.lead.Lead.JourneyState.OPEN and l.processInstanceKey is not null""")
  List<Long> findOpenJourneyInstanceKeys();

  @Modifying(clearAutomatically = true)
  @Query(
      """
      update Lead l set l.processInstanceKey = null
      where l.journeyState = com.leadjourney.lead.Lead.JourneyState.OPEN""")
  int forgetEngineInstances();
}
