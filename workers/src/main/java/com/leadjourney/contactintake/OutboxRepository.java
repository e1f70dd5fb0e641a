package com.leadjourney.contactintake;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxEntry, Long> {

  /**
   * The next due entry, locked; entries another app replica is handling are skipped
   * (SELECT ... FOR UPDATE SKIP LOCKED, on MySQL 8 and MariaDB 10.6+). Ordered as the pending index
   * (dispatched_at, next_attempt_at, then the key) is: ordered by id alone, MariaDB walked the primary
   * key past every entry ever dispatched whenever a burst of entries waited (it judged the first waiting
   * one near), a cost that grew with every lead ever accepted.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
  @Query(
      """
      select o from OutboxEntry o where o.dispatchedAt is null and o.nextAttemptAt <= :now
      order by o.nextAttemptAt, o.id""")
  List<OutboxEntry> lockNextDue(@Param("now") Instant now, Limit limit);

  long countByDispatchedAtIsNull();
}
