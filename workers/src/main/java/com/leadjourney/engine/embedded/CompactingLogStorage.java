package com.leadjourney.engine.embedded;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The engine's log in memory, minus what the engine has processed. The stock test engine keeps
 * every block forever, so a long-running embedded engine grows without bound; here blocks whose
 * records all lie at or below the last processed position are dropped by {@link #compactUpTo}.
 * What remains is small, so each checkpoint keeps it ({@link #writeTo}) with the engine's state, and
 * every block is also written to the {@link LogJournal} before the engine hears it is committed.
 */
public final class CompactingLogStorage implements LogStorage {

  private record Block(long highestPosition, ByteBuffer data) {}

  /** Blocks keyed by their lowest position. */
  private final ConcurrentSkipListMap<Long, Block> blocks = new ConcurrentSkipListMap<>();

  private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();
  private final AtomicLong index = new AtomicLong();
  private LogJournal journal; // null: nothing kept on disk (keep-state-on-stop=false)

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  @Override
  public void append(
      final long lowestPosition,
      final long highestPosition,
      final BufferWriter bufferWriter,
      final AppendListener listener) {
    final var buffer = ByteBuffer.allocate(bufferWriter.getLength());
    bufferWriter.write(new UnsafeBuffer(buffer), 0);
    append(lowestPosition, highestPosition, buffer, listener);
  }

  @Override
  public synchronized void append(
      final long lowestPosition,
      final long highestPosition,
      final ByteBuffer blockBuffer,
      final AppendListener listener) {
    if (journal != null) {
      journal.write(lowestPosition, highestPosition, blockBuffer);
    }
    blocks.put(lowestPosition, new Block(highestPosition, blockBuffer));
    notifyAll(); // awaitPosition
    final long blockIndex = index.incrementAndGet();
    listener.onWrite(blockIndex, highestPosition);
    listener.onCommit(blockIndex, highestPosition);
    commitListeners.forEach(CommitListener::onCommit);
  }

  /**
   * Drops every block whose records all lie at or below {@code processedPosition}, except the
   * newest: a log restarted from kept blocks continues its positions after the last one, and a log
   * starting again at 1 would have every new command skipped as processed long ago.
   */
  public int compactUpTo(final long processedPosition) {
    int dropped = 0;
    final Long newest = blocks.isEmpty() ? null : blocks.lastKey();
    for (final var it = blocks.entrySet().iterator(); it.hasNext(); ) {
      final var block = it.next();
      if (block.getValue().highestPosition() > processedPosition || block.getKey().equals(newest)) {
        break;
      }
      it.remove();
      dropped++;
    }
    return dropped;
  }

  /**
   * From here on blocks are journaled to {@code next}; returns the blocks retained until now, which
   * with that journal's blocks are the whole log a checkpoint taken after this call needs.
   */
  synchronized List<LogJournal.Block> journalTo(final LogJournal next, final long segment) {
    if (journal != null && journal != next) {
      journal.close();
    }
    journal = next;
    journal.startSegment(segment);
    return blocks.entrySet().stream()
        .map(b -> new LogJournal.Block(b.getKey(), b.getValue().highestPosition(), b.getValue().data()))
        .toList();
  }

  /** Stops journaling (the engine is closing). */
  synchronized void closeJournal() {
    if (journal != null) {
      journal.close();
      journal = null;
    }
  }

  /** Writes blocks, oldest first; {@link #readFrom} loads them into an empty log. */
  static void writeTo(final List<LogJournal.Block> retained, final DataOutputStream out) throws IOException {
    out.writeInt(retained.size());
    for (final var block : retained) {
      final byte[] data = new byte[block.data().capacity()];
      block.data().duplicate().clear().get(data);
      out.writeLong(block.lowestPosition());
      out.writeLong(block.highestPosition());
      out.writeInt(data.length);
      out.write(data);
    }
  }

  /** Adds blocks read back from the journal, after those already held. */
  void restore(final List<LogJournal.Block> journaled) {
    for (final var block : journaled) {
      blocks.put(block.lowestPosition(), new Block(block.highestPosition(), block.data()));
      index.incrementAndGet();
    }
  }

  /** A log holding the blocks {@link #writeTo} wrote: the engine replays them and writes after them. */
  public static CompactingLogStorage readFrom(final DataInputStream in) throws IOException {
    final var log = new CompactingLogStorage();
    for (int count = in.readInt(); count > 0; count--) {
      final long lowest = in.readLong();
      final long highest = in.readLong();
      final byte[] data = new byte[in.readInt()];
      in.readFully(data);
      log.blocks.put(lowest, new Block(highest, ByteBuffer.wrap(data)));
      log.index.incrementAndGet();
    }
    return log;
  }

  /** Waits until the log holds {@code position}; throws after {@code patience}. */
  synchronized void awaitPosition(final long position, final java.time.Duration patience) {
    final long giveUpAt = System.nanoTime() + patience.toNanos();
    try {
      while (highestPosition() < position) {
        final long left = giveUpAt - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("The engine's log did not reach position " + position + " within " + patience);
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the engine's log", e);
    }
  }

  /** The position of the newest record held; 0 for an empty log. */
  long highestPosition() {
    return blocks.isEmpty() ? 0 : blocks.lastEntry().getValue().highestPosition();
  }

  public int blockCount() {
    return blocks.size();
  }

  public long retainedBytes() {
    return blocks.values().stream().mapToLong(b -> b.data().capacity()).sum();
  }

  @Override
  public void addCommitListener(final CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(final CommitListener listener) {
    commitListeners.remove(listener);
  }

  /** Walks blocks by key, so it keeps working while older blocks are compacted away. */
  private final class Reader implements LogStorageReader {
    private Long lastKey; // null: before the first block

    @Override
    public void seek(final long position) {
      final Map.Entry<Long, Block> containing = blocks.floorEntry(position);
      lastKey = containing == null ? null : containing.getKey() - 1;
    }

    private Map.Entry<Long, Block> peek() {
      return lastKey == null ? blocks.firstEntry() : blocks.higherEntry(lastKey);
    }

    @Override
    public boolean hasNext() {
      return peek() != null;
    }

    @Override
    public DirectBuffer next() {
      final var next = peek();
      if (next == null) {
        throw new NoSuchElementException();
      }
      lastKey = next.getKey();
      return new UnsafeBuffer(next.getValue().data());
    }

    @Override
    public void close() {}
  }
}
