package com.leadjourney.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Passwords the app chose (the first admin's, the demo people's) go to one file in the data dir
 * that only the app's OS user can read, never to the log: logs are kept, shipped and shared
 * ({@code docker compose logs}). The log says where the file is.
 */
@Component
public class InitialPasswords {

  private final Path file;
  private final Clock clock;

  InitialPasswords(@Value("${leadjourney.data-dir}") final Path dataDir, final Clock clock) {
    this.file = dataDir.toAbsolutePath().normalize().resolve("initial-passwords.txt");
    this.clock = clock;
  }

  /** Appends {@code user password} lines under a heading; returns the file's path, to be printed instead. */
  public synchronized Path record(final String heading, final Map<String, String> passwords) {
    final var text = new StringBuilder("# ").append(heading).append(" (").append(clock.instant()).append(")\n");
    passwords.forEach((user, password) -> text.append(String.format("%-20s %s%n", user, password)));
    try {
      Files.createDirectories(file.getParent());
      createOwnerOnly();
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot write the passwords file " + file, e);
    }
    return file;
  }

  private void createOwnerOnly() throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (final FileAlreadyExistsException e) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (final UnsupportedOperationException e) {
      Files.createFile(file); // not a POSIX file system (Windows): the directory's own access rules apply
    }
  }
}
