package com.leadjourney.engine.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The engine's log blocks on disk, in the order the engine wrote them, one segment per checkpoint:
 * segment N holds every block written after checkpoint N began. A block is written before the
 * engine is told it is committed, so whatever the engine acknowledged survives a killed process
 * (the OS holds the write; nothing is forced to disk, so a power cut can lose the last seconds).
 * Each block carries a checksum: a block torn by the kill ends its segment.
 */
final class LogJournal implements AutoCloseable {

  /** One block as the engine appended it. */
  record Block(long lowestPosition, long highestPosition, ByteBuffer data) {}

  private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{10})\\.bin");
  private static final int HEADER_BYTES = Long.BYTES * 2 + Integer.BYTES * 2;

  private final Path dir;
  private final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
  private FileChannel segment;

  LogJournal(final Path dir) {
    this.dir = dir;
  }

  /** Closes the current segment and writes from here on to segment {@code sequence}. */
  synchronized void startSegment(final long sequence) {
    try {
      closeSegment();
      Files.createDirectories(dir);
      segment = FileChannel.open(fileOf(sequence), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot start engine journal segment " + sequence + " in " + dir, e);
    }
  }

  /** Writes one block; throws when it cannot (the engine must not hear "committed" for a block not kept). */
  synchronized void write(final long lowestPosition, final long highestPosition, final ByteBuffer data) {
    final var body = data.duplicate().clear();
    final var checksum = new CRC32C();
    checksum.update(body.duplicate());
    header.clear().putLong(lowestPosition).putLong(highestPosition).putInt(body.remaining()).putInt((int) checksum.getValue()).flip();
    try {
      final ByteBuffer[] parts = {header, body};
      while (header.hasRemaining() || body.hasRemaining()) {
        segment.write(parts);
      }
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot write the engine journal in " + dir, e);
    }
  }

  /** Every whole block of the segments numbered {@code from} and later, oldest first. */
  static List<Block> read(final Path dir, final long from) throws IOException {
    final List<Block> blocks = new ArrayList<>();
    for (final long sequence : sequences(dir)) {
      if (sequence >= from) {
        readSegment(Files.readAllBytes(fileOf(dir, sequence)), blocks);
      }
    }
    return blocks;
  }

  private static void readSegment(final byte[] bytes, final List<Block> into) {
    final var in = ByteBuffer.wrap(bytes);
    while (in.remaining() >= HEADER_BYTES) {
      final long lowest = in.getLong();
      final long highest = in.getLong();
      final int length = in.getInt();
      final int expected = in.getInt();
      if (length < 0 || length > in.remaining()) {
        return; // torn by the kill: nothing after it was acknowledged
      }
      final byte[] data = new byte[length];
      in.get(data);
      final var checksum = new CRC32C();
      checksum.update(data);
      if ((int) checksum.getValue() != expected) {
        return;
      }
      into.add(new Block(lowest, highest, ByteBuffer.wrap(data)));
    }
  }

  /** Removes the segments numbered below {@code sequence}: a complete checkpoint covers them. */
  static void deleteBefore(final Path dir, final long sequence) throws IOException {
    for (final long older : sequences(dir)) {
      if (older < sequence) {
        Files.deleteIfExists(fileOf(dir, older));
      }
    }
  }

  static List<Long> sequences(final Path dir) throws IOException {
    return numbered(dir, SEGMENT);
  }

  /** The numbers of the entries of {@code dir} whose names match {@code named} (its group 1 is the number), ascending. */
  static List<Long> numbered(final Path dir, final Pattern named) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(f -> named.matcher(f.getFileName().toString())).filter(Matcher::matches)
          .map(m -> Long.parseLong(m.group(1))).sorted().toList();
    }
  }

  private Path fileOf(final long sequence) {
    return fileOf(dir, sequence);
  }

  private static Path fileOf(final Path dir, final long sequence) {
    return dir.resolve("journal-%010d.bin".formatted(sequence));
  }

  /**
   * Not forced to disk: the engine's appender waits while the segment switches, and an fsync of a
   * 30-second segment (tens of MB) would stall it. A killed process loses nothing the OS holds; a
   * power cut can lose the last seconds the OS had not written back yet.
   */
  private void closeSegment() throws IOException {
    if (segment != null) {
      segment.close();
      segment = null;
    }
  }

  @Override
  public synchronized void close() {
    try {
      closeSegment();
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot close the engine journal in " + dir, e);
    }
  }
}
