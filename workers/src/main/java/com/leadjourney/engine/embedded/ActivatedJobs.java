package com.leadjourney.engine.embedded;

import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.job.JobBatchRecord;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import org.agrona.collections.LongHashSet;

/**
 * Jobs handed to a worker and not finished yet, kept from the log. At a graceful stop they are
 * yielded back, so the workers of the next start get them at once instead of after their
 * timeout (5 minutes by default): the old workers are gone and will never complete them.
 */
final class ActivatedJobs {

  private final LongHashSet keys = new LongHashSet();

  /** For JOB and JOB_BATCH events only. */
  synchronized void apply(final RecordMetadata metadata, final LoggedEvent event) {
    if (metadata.getIntent() == JobBatchIntent.ACTIVATED) {
      final var batch = new JobBatchRecord();
      event.readValue(batch);
      batch.getJobKeys().forEach(keys::add);
      return;
    }
    if (metadata.getIntent() instanceof JobIntent intent) {
      switch (intent) {
        case COMPLETED, FAILED, TIMED_OUT, YIELDED, ERROR_THROWN, CANCELED -> keys.remove(event.getKey());
        default -> {}
      }
    }
  }

  synchronized long[] keys() {
    return keys.stream().mapToLong(Long::longValue).toArray();
  }
}
