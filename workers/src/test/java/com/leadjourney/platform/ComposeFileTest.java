package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml is validated by the compose client itself ({@code docker-compose config},
 * no Docker engine needed), and read as someone putting it on a server would: no service starts
 * without its passwords set, every published port is on 127.0.0.1 unless BIND_ADDRESS says
 * otherwise, Camunda's API asks for credentials. Without a compose client the test is skipped,
 * unless LEADJOURNEY_REQUIRE_COMPOSE=1 (CI sets it) makes that a failure.
 */
class ComposeFileTest {

  private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml").toAbsolutePath().normalize();

  /** Every password the stack needs; none has a default. */
  private static final Map<String, String> PASSWORDS = Map.of(
      "LEADJOURNEY_ADMIN_PASSWORD", "a-1", "LEADJOURNEY_METRICS_PASSWORD", "m-2", "MYSQL_PASSWORD", "d-3", "MYSQL_ROOT_PASSWORD", "r-4",
      "CAMUNDA_ADMIN_PASSWORD", "c-5", "CAMUNDA_CLIENT_PASSWORD", "k-6", "GRAFANA_ADMIN_PASSWORD", "g-7");

  @Test
  void theComposeFileIsValidAndSafeOnAServer() throws Exception {
    final var result = composeConfig(COMPOSE_FILE, PASSWORDS);
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("camunda/camunda:8.8", "mysql:8.4", "prom/prometheus", "grafana/grafana");
    final List<String> published = result.output().lines().map(String::strip).filter(l -> l.matches("- [^ ]*:\\d+:\\d+/tcp")).toList();
    assertThat(published).as("published ports: app, gRPC, Camunda REST/web, Grafana, Prometheus").hasSize(5).allSatisfy(p -> assertThat(p).startsWith("- 127.0.0.1:"));
    assertThat(result.output()).as("Camunda's API signs in")
        .contains("CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI: \"false\"", "CAMUNDA_SECURITY_AUTHORIZATIONS_ENABLED: \"true\"",
            "CAMUNDA_CLIENT_AUTH_METHOD: basic")
        .doesNotContainIgnoringCase("demo");
    assertThat(result.output()).as("quarterly boards need last year's quarter: 400 days on Prometheus's named volume (the default keeps 15)")
        .contains("--storage.tsdb.retention.time=400d", "- prometheus:/prometheus:rw");
  }

  @Test
  void withoutItsPasswordsTheStackDoesNotStart() throws Exception {
    for (final String missing : PASSWORDS.keySet()) {
      final Map<String, String> others = new java.util.HashMap<>(PASSWORDS);
      others.remove(missing);
      final var result = composeConfig(COMPOSE_FILE, others);
      assertThat(result.exitCode()).as("without " + missing).isNotZero();
      assertThat(result.output()).as("without " + missing).contains("set " + missing);
    }
  }

  @Test
  void theValidatorRejectsABrokenFile(@TempDir final Path dir) throws Exception {
    final Path broken = dir.resolve("docker-compose.yml");
    Files.writeString(broken, Files.readString(COMPOSE_FILE)
        .replace("      - \"${BIND_ADDRESS:-127.0.0.1}:8080:8080\"\n", "").replace("    build: .\n    ports:\n", "    build: .\n    ports: 8080\n"));
    assertThat(composeConfig(broken, PASSWORDS).exitCode()).isNotZero();
  }

  private record Result(int exitCode, String output) {}

  private static Result composeConfig(final Path file, final Map<String, String> environment) throws IOException, InterruptedException {
    final List<String> client = composeClient();
    final var command = new ArrayList<>(client);
    command.addAll(List.of("-f", file.toString(), "config"));
    final var builder = new ProcessBuilder(command).redirectErrorStream(true);
    PASSWORDS.keySet().forEach(builder.environment()::remove); // only what the test says is set
    builder.environment().remove("BIND_ADDRESS");
    builder.environment().putAll(environment);
    final var process = builder.start();
    final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static List<String> composeClient() throws InterruptedException {
    for (final var candidate : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
      try {
        final var probe = new ArrayList<>(candidate);
        probe.add("version");
        final var process = new ProcessBuilder(probe).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
          return candidate;
        }
      } catch (final IOException notInstalled) {
        // try the next client
      }
    }
    final boolean required = "1".equals(System.getenv("LEADJOURNEY_REQUIRE_COMPOSE"));
    assertThat(required).as("no compose client (docker-compose or docker compose) is installed, and CI requires one").isFalse();
    assumeTrue(false, "no compose client installed: apt install docker-compose to validate docker-compose.yml");
    return List.of();
  }
}
