package com.leadjourney.engine.embedded;

import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.job.JobBatchRecord;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.agrona.collections.Long2LongHashMap;

/**
 * Jobs handed to a worker and not finished yet, kept from the log with the position that handed
 * them out. When the app stops (gracefully, or killed) its workers are gone and will never complete
 * them, so they are yielded back and the next start's workers get them at once instead of after
 * their timeout (5 minutes by default).
 */
final class ActivatedJobs {

  private static final long NONE = -1;
  /** Job key to the log position of the batch that activated it. */
  private final Long2LongHashMap activatedAt = new Long2LongHashMap(NONE);

  /** For JOB and JOB_BATCH events only. */
  synchronized void apply(final RecordMetadata metadata, final LoggedEvent event) {
    if (metadata.getIntent() == JobBatchIntent.ACTIVATED) {
      final var batch = new JobBatchRecord();
      event.readValue(batch);
      batch.getJobKeys().forEach(key -> activatedAt.put(key.longValue(), event.getPosition()));
      return;
    }
    if (metadata.getIntent() instanceof JobIntent intent) {
      switch (intent) {
        case COMPLETED, FAILED, TIMED_OUT, YIELDED, ERROR_THROWN, CANCELED -> activatedAt.remove(event.getKey());
        default -> {}
      }
    }
  }

  synchronized long[] keys() {
    return keysActivatedUpTo(Long.MAX_VALUE);
  }

  /** Jobs activated at or before the position: after a crash, those the killed run's workers held. */
  synchronized long[] keysActivatedUpTo(final long position) {
    return activatedAt.entrySet().stream().filter(e -> e.getValue() <= position).mapToLong(e -> e.getKey()).toArray();
  }

  synchronized void writeTo(final DataOutputStream out) throws IOException {
    out.writeInt(activatedAt.size());
    for (final var entry : activatedAt.entrySet()) {
      out.writeLong(entry.getKey());
      out.writeLong(entry.getValue());
    }
  }

  synchronized void readFrom(final DataInputStream in) throws IOException {
    for (int count = in.readInt(); count > 0; count--) {
      activatedAt.put(in.readLong(), in.readLong());
    }
  }
}
