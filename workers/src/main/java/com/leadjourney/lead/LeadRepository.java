package com.leadjourney.lead;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
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

  /** The lead a job names; a job for a lead that does not exist is a fault, not an outcome. */
  default Lead existing(final String id) {
    return findById(id).orElseThrow(() -> new IllegalArgumentException("No lead with id " + id));
  }

  /** {@link #existing}, locked until commit: one stage step changes it at a time. */
  default Lead lock(final String id) {
    return lockById(id).orElseThrow(() -> new IllegalArgumentException("No lead with id " + id));
  }

  /** The lead, locked until commit. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select l from Lead l where l.id = :id")
  Optional<Lead> lockById(@Param("id") String id);

  /** The open journey a new contact with this email merges into: the earliest one. */
  @Query(
      """
      select l from Lead l where l.email = :email and l.id <> :id and l.mergedInto is null
      and l.journeyState = com.leadjourney.lead.Lead.JourneyState.OPEN
      and (l.createdAt < :createdAt or (l.createdAt = :createdAt and l.id < :id))
      order by l.createdAt, l.id""")
  List<Lead> findEarlierOpenByEmail(
      @Param("email") String email, @Param("id") String id, @Param("createdAt") Instant createdAt);

  /** Open journeys started before whose engine instance is gone (not yet rebuilt): the ones to rebuild. */
  @Query(
      """
      select l from Lead l where l.journeyState = com.leadjourney.lead.Lead.JourneyState.OPEN and l.processInstanceKey is null
      and not exists (select o from com.leadjourney.contactintake.OutboxEntry o where o.leadId = l.id and o.dispatchedAt is null)
      order by l.createdAt""")
  List<Lead> findJourneysToRebuild();

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

  @Modifying(clearAutomatically = true)
  @Query(
      """
      update Lead l set l.processInstanceKey = null
      where l.journeyState = com.leadjourney.lead.Lead.JourneyState.OPEN and l.processInstanceKey in :keys""")
  int forgetEngineInstances(@Param("keys") java.util.Collection<Long> keys);
}
