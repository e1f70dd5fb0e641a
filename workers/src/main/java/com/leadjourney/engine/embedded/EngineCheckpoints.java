package com.leadjourney.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Numbers and writes the embedded engine's checkpoints into its kept chain ({@link KeptEngineState}),
 * one at a time: the periodic ones and a graceful stop's may meet.
 */
final class EngineCheckpoints {

  private final KeptEngineState kept;
  private final LogJournal journal;
  private final Object writing = new Object();
  private long next; // guarded by writing

  EngineCheckpoints(final KeptEngineState kept) {
    this.kept = kept;
    this.journal = kept.journal();
  }

  /**
   * Journals the log from its first new block, before the engine starts: until the first checkpoint
   * of this run completes, the chain kept so far plus this segment is what a crash comes back to.
   */
  void journalFromStart(final CompactingLogStorage log) {
    synchronized (writing) {
      try {
        next = kept.nextSequence();
      } catch (final IOException e) {
        throw new UncheckedIOException("Cannot read the kept engine state", e);
      }
      log.journalTo(journal, next++);
    }
  }

  /**
   * {@code capture} switches the journal to the given segment and captures the views at that same
   * instant (under the engine's lock); {@code writeState} writes RocksDB's checkpoint into the path.
   */
  void take(final LongFunction<KeptEngineState.Checkpoint> capture, final Consumer<Path> writeState) throws IOException {
    synchronized (writing) {
      final var checkpoint = capture.apply(next++);
      writeState.accept(kept.prepare(checkpoint.sequence()));
      kept.complete(checkpoint);
    }
  }

  LogJournal journal() {
    return journal;
  }

  /** No more journal writes: after a stop's checkpoint, or as a crash leaves it. */
  void stop(final CompactingLogStorage log) {
    synchronized (writing) {
      log.closeJournal();
    }
  }
}
