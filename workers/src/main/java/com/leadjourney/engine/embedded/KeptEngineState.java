package com.leadjourney.engine.embedded;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import java.util.Optional;
import java.util.Properties;
import io.camunda.zeebe.util.VersionUtil;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded engine's state kept across a graceful stop, beside the running state directory: a
 * RocksDB checkpoint taken after the stream processor stopped, the log blocks not yet compacted away
 * (the engine replays them and its positions continue after them), and the views the app reads
 * from the log. A marker file, written last, says the set is complete. Taking the set consumes it,
 * so after a crash, which leaves no marker, the next start begins empty and rebuilds every open
 * journey from MySQL: RocksDB runs without its write-ahead log, so state left by a killed process
 * is not to be trusted.
 */
final class KeptEngineState {

  /** What a restarted engine continues from. */
  record Kept(
      CompactingLogStorage log,
      EmbeddedProcessCatalog processes,
      EmbeddedIncidents incidents,
      long firstKeyOfState,
      Duration clockOffset,
      long eventsReadUpTo) {}

  private static final String MARKER = "kept.properties";

  private final Path stateDir;
  private final Path keptDir;

  KeptEngineState(final Path stateDir) {
    this.stateDir = stateDir;
    this.keptDir = stateDir.resolveSibling(stateDir.getFileName() + "-kept");
  }

  /** Empties the kept set and returns where the state checkpoint goes (it must not exist yet). */
  Path prepare() throws IOException {
    discard();
    Files.createDirectories(keptDir);
    return keptDir.resolve("state");
  }

  /** Writes the rest of the set next to the checkpoint, the marker last. */
  void complete(final Kept kept) throws IOException {
    try (var out = dataOut(keptDir.resolve("log.bin"))) {
      kept.log().writeTo(out);
    }
    try (var out = dataOut(keptDir.resolve("views.bin"))) {
      kept.processes().writeTo(out);
      kept.incidents().writeTo(out);
    }
    final var marker = new Properties();
    marker.setProperty("engineVersion", VersionUtil.getVersion());
    marker.setProperty("firstKeyOfState", Long.toString(kept.firstKeyOfState()));
    marker.setProperty("clockOffset", kept.clockOffset().toString());
    marker.setProperty("eventsReadUpTo", Long.toString(kept.eventsReadUpTo()));
    final Path unfinished = keptDir.resolve(MARKER + ".tmp");
    try (OutputStream out = Files.newOutputStream(unfinished)) {
      marker.store(out, "Engine state kept at a graceful stop; the next start continues from it");
    }
    Files.move(unfinished, keptDir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The kept set, with its checkpoint moved into the state directory, or empty when there is none
   * (first start, or the last run ended in a crash). Throws when a set exists but cannot be used:
   * unreadable, or kept by another engine version (its state layout may differ; a cluster migrates
   * it, this engine does not).
   */
  Optional<Kept> take() throws IOException {
    if (!Files.exists(keptDir.resolve(MARKER))) {
      discard();
      return Optional.empty();
    }
    try {
      final var marker = new Properties();
      try (InputStream in = Files.newInputStream(keptDir.resolve(MARKER))) {
        marker.load(in);
      }
      if (!VersionUtil.getVersion().equals(marker.getProperty("engineVersion"))) {
        throw new IOException("The state was kept by engine " + marker.getProperty("engineVersion") + ", this is " + VersionUtil.getVersion());
      }
      final CompactingLogStorage log;
      try (var in = dataIn(keptDir.resolve("log.bin"))) {
        log = CompactingLogStorage.readFrom(in);
      }
      final var processes = new EmbeddedProcessCatalog();
      final var incidents = new EmbeddedIncidents();
      try (var in = dataIn(keptDir.resolve("views.bin"))) {
        processes.readFrom(in);
        incidents.readFrom(in);
      }
      FileSystemUtils.deleteRecursively(stateDir);
      Files.move(keptDir.resolve("state"), stateDir);
      return Optional.of(new Kept(
          log,
          processes,
          incidents,
          Long.parseLong(marker.getProperty("firstKeyOfState")),
          Duration.parse(marker.getProperty("clockOffset")),
          Long.parseLong(marker.getProperty("eventsReadUpTo"))));
    } finally {
      discard(); // used once: a crash in the run that follows must not bring it back
    }
  }

  void discard() {
    try {
      FileSystemUtils.deleteRecursively(keptDir);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot remove the kept engine state " + keptDir, e);
    }
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
