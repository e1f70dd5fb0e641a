package com.leadjourney.engine.embedded;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.camunda.zeebe.util.VersionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded engine's state kept on disk beside the running state directory, so the next start
 * continues where this one stopped — after a graceful stop and after a crash alike. It is a chain:
 * a checkpoint (a RocksDB checkpoint of the state, the log blocks not yet compacted away, the views
 * the app reads from the log, a marker written last) and the journal segments written since
 * ({@link LogJournal}). A start copies the newest complete checkpoint into the state directory and
 * hands the engine its log plus the journal: the engine replays what it had not processed, as a
 * broker does from its snapshot and log. The running RocksDB state itself is never trusted after a
 * crash (it runs without a write-ahead log); the checkpoint is. A graceful stop is one more
 * checkpoint, taken after processing stopped.
 */
final class KeptEngineState {

  private static final Logger LOG = LoggerFactory.getLogger(KeptEngineState.class);

  /** What a restarted engine continues from. */
  record Kept(
      CompactingLogStorage log,
      LogViews views,
      long firstKeyOfState,
      Duration clockOffset,
      long eventsReadUpTo,
      boolean graceful,
      long checkpoint,
      int journaledBlocks,
      long logEnd) {

    String describe() {
      return graceful
          ? "continued from the last graceful stop"
          : "recovered after a crash from checkpoint " + checkpoint + " and " + journaledBlocks + " journaled log blocks";
    }
  }

  /** What a checkpoint writes beside the state, captured while the engine's views stood still. */
  record Checkpoint(long sequence, List<LogJournal.Block> retained, byte[] views, long firstKeyOfState, Duration clockOffset, long eventsReadUpTo, boolean graceful) {}

  private static final String MARKER = "kept.properties";
  private static final Pattern CHECKPOINT = Pattern.compile("checkpoint-(\\d{10})");

  private final Path stateDir;
  private final Path keptDir;

  KeptEngineState(final Path stateDir) {
    this.stateDir = stateDir;
    this.keptDir = stateDir.resolveSibling(stateDir.getFileName() + "-kept");
  }

  /**
   * What the engine starts on: the kept state, its checkpoint copied into the state directory, or
   * empty (the state directory emptied) when there is none or it cannot be used. A state kept
   * before keeping was switched off is dropped, so it cannot come back when it is switched on.
   */
  Optional<Kept> open(final boolean keep) {
    Optional<Kept> kept = Optional.empty();
    if (keep) {
      try {
        kept = take();
      } catch (final IOException | RuntimeException e) {
        LOG.warn("Cannot continue from the kept engine state; starting empty, open journeys are rebuilt", e);
      }
    }
    try {
      if (kept.isEmpty()) {
        discard();
        FileSystemUtils.deleteRecursively(stateDir);
        Files.createDirectories(stateDir);
      }
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot prepare the engine state directory " + stateDir, e);
    }
    return kept;
  }

  /** The journal the running engine writes its log blocks to, in the kept directory. */
  LogJournal journal() {
    return new LogJournal(keptDir);
  }

  /** The number the next checkpoint (and its journal segment) takes: after every one on disk. */
  long nextSequence() throws IOException {
    final long newestJournal = LogJournal.sequences(keptDir).stream().mapToLong(Long::longValue).max().orElse(0);
    return Math.max(newestJournal, checkpoints().stream().mapToLong(Long::longValue).max().orElse(0)) + 1;
  }

  /** Empties checkpoint {@code sequence}'s directory and returns where its RocksDB checkpoint goes (it must not exist yet). */
  Path prepare(final long sequence) throws IOException {
    final Path dir = checkpointDir(sequence);
    FileSystemUtils.deleteRecursively(dir);
    Files.createDirectories(dir);
    return dir.resolve("state");
  }

  /** Writes the rest of the checkpoint next to its state, the marker last; then drops what it replaces. */
  void complete(final Checkpoint checkpoint) throws IOException {
    final Path dir = checkpointDir(checkpoint.sequence());
    try (var out = dataOut(dir.resolve("log.bin"))) {
      CompactingLogStorage.writeTo(checkpoint.retained(), out);
    }
    Files.write(dir.resolve("views.bin"), checkpoint.views());
    final var marker = new Properties();
    marker.setProperty("engineVersion", VersionUtil.getVersion());
    marker.setProperty("firstKeyOfState", Long.toString(checkpoint.firstKeyOfState()));
    marker.setProperty("clockOffset", checkpoint.clockOffset().toString());
    marker.setProperty("eventsReadUpTo", Long.toString(checkpoint.eventsReadUpTo()));
    marker.setProperty("graceful", Boolean.toString(checkpoint.graceful()));
    writeAtomically(dir.resolve(MARKER), marker, "Engine checkpoint; the next start continues from it and the journal after it");
    for (final long older : checkpoints()) {
      if (older < checkpoint.sequence()) {
        FileSystemUtils.deleteRecursively(checkpointDir(older));
      }
    }
    LogJournal.deleteBefore(keptDir, checkpoint.sequence());
  }

  /** Engine time moved (tests, demos): kept at once, since a checkpoint may be a while away. */
  void recordClock(final Duration offset) {
    final var clock = new Properties();
    clock.setProperty("clockOffset", offset.toString());
    try {
      Files.createDirectories(keptDir);
      writeAtomically(keptDir.resolve("clock.properties"), clock, "Engine clock offset, newer than the checkpoint's");
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot keep the engine clock in " + keptDir, e);
    }
  }

  /**
   * The newest complete checkpoint and the journal after it, its state copied into the state
   * directory, or empty when there is none (first start, keep-state-on-stop off). Throws when a
   * set exists but cannot be used: unreadable, or kept by another engine version (its state layout
   * may differ; a cluster migrates it, this engine does not).
   */
  private Optional<Kept> take() throws IOException {
    final Optional<Long> newest = checkpoints().stream().filter(s -> Files.exists(checkpointDir(s).resolve(MARKER))).max(Long::compare);
    if (newest.isEmpty()) {
      return Optional.empty(); // open() discards what is there
    }
    final Path dir = checkpointDir(newest.get());
    final var marker = load(dir.resolve(MARKER));
    if (!VersionUtil.getVersion().equals(marker.getProperty("engineVersion"))) {
      throw new IOException("The state was kept by engine " + marker.getProperty("engineVersion") + ", this is " + VersionUtil.getVersion());
    }
    final CompactingLogStorage log;
    try (var in = dataIn(dir.resolve("log.bin"))) {
      log = CompactingLogStorage.readFrom(in);
    }
    final var journaled = LogJournal.read(keptDir, newest.get());
    log.restore(journaled);
    final LogViews views;
    try (var in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("views.bin"))))) {
      views = LogViews.readFrom(in);
    }
    FileSystemUtils.deleteRecursively(stateDir);
    copyLinkingFiles(dir.resolve("state"), stateDir);
    final Path clockFile = keptDir.resolve("clock.properties");
    final String offset = Files.exists(clockFile) ? load(clockFile).getProperty("clockOffset") : marker.getProperty("clockOffset");
    return Optional.of(new Kept(
        log, views,
        Long.parseLong(marker.getProperty("firstKeyOfState")),
        Duration.parse(offset),
        Long.parseLong(marker.getProperty("eventsReadUpTo")),
        Boolean.parseBoolean(marker.getProperty("graceful")) && journaled.isEmpty(),
        newest.get(),
        journaled.size(),
        log.highestPosition()));
  }

  void discard() {
    try {
      FileSystemUtils.deleteRecursively(keptDir);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot remove the kept engine state " + keptDir, e);
    }
  }

  /**
   * RocksDB's table files never change once written, so they are hard-linked (a checkpoint of
   * 100,000 open journeys copies in milliseconds); the few files RocksDB rewrites are copied.
   */
  private static void copyLinkingFiles(final Path from, final Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (final Path file : files.toList()) {
        final Path target = to.resolve(file.getFileName().toString());
        if (file.getFileName().toString().endsWith(".sst")) {
          Files.createLink(target, file);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private List<Long> checkpoints() throws IOException {
    return LogJournal.numbered(keptDir, CHECKPOINT);
  }

  private Path checkpointDir(final long sequence) {
    return keptDir.resolve("checkpoint-%010d".formatted(sequence));
  }

  private static void writeAtomically(final Path file, final Properties properties, final String comment) throws IOException {
    final Path unfinished = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(unfinished)) {
      properties.store(out, comment);
    }
    Files.move(unfinished, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Properties load(final Path file) throws IOException {
    final var properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    }
    return properties;
  }

  private static DataOutputStream dataOut(final Path file) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  private static DataInputStream dataIn(final Path file) throws IOException {
    return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
  }

  /** A string of any length, or null (writeUTF stops at 64 KB; a BPMN model can be longer). */
  static void writeText(final DataOutputStream out, final String text) throws IOException {
    if (text == null) {
      out.writeInt(-1);
      return;
    }
    final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readText(final DataInputStream in) throws IOException {
    final int length = in.readInt();
    if (length < 0) {
      return null;
    }
    final byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
