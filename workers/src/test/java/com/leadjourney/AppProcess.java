package com.leadjourney;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.database.EmbeddedDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The app as its own JVM, started the way an operator starts it (this test's java and classpath,
 * arguments as properties): for tests that kill it, restart it or run two of it.
 */
public final class AppProcess implements AutoCloseable {

  private static final String ADMIN =
      "Basic " + Base64.getEncoder().encodeToString(("admin:" + EmbeddedAppTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  private final Process process;
  private final int httpPort;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private AppProcess(final Process process, final int httpPort, final Path log) {
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
  }

  /** Starts the app with the test admin's password on {@code httpPort}; returns once it is healthy. */
  public static AppProcess start(final Path dir, final String name, final int httpPort, final List<String> arguments) throws IOException {
    final List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElseThrow(),
        "-Xmx1g",
        "-cp",
        System.getProperty("java.class.path"),
        "com.leadjourney.LeadJourneyApplication",
        "--server.port=" + httpPort,
        "--leadjourney.admin-password=" + EmbeddedAppTest.ADMIN_PASSWORD));
    command.addAll(arguments);
    final Path log = dir.resolve(name + ".log");
    final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    final AppProcess app = new AppProcess(process, httpPort, log);
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(app::healthy);
    return app;
  }

  /** Arguments of an embedded-mode app: its files under {@code dir}, its MariaDB on {@code dbPort}. */
  public static List<String> embedded(final Path dir, final int dbPort, final Duration enrichmentWindow) {
    return List.of(
        "--leadjourney.engine.gateway-port=" + EmbeddedAppTest.freePort(),
        "--leadjourney.database.port=" + dbPort,
        "--leadjourney.data-dir=" + dir,
        "--leadjourney.intake.enrichment-window=" + enrichmentWindow);
  }

  /** A connection to the database of an embedded app with files under {@code dataDir}, as the app's own account. */
  public static Connection connect(final Path dataDir, final int dbPort) throws SQLException {
    final var account = EmbeddedDatabase.account(dataDir.resolve("mariadb"));
    return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + dbPort + "/leadjourney?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
        account.username(), account.password());
  }

  /** A count from an embedded app's database; -1 while the server is down (between runs). */
  public static long count(final Path dataDir, final int dbPort, final String sql) {
    try (var db = connect(dataDir, dbPort); var rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (final SQLException e) {
      return -1;
    }
  }


  private boolean healthy() {
    assertThat(process.isAlive()).as("app exited; see %s", log).isTrue();
    try {
      return get("/actuator/health").statusCode() == 200;
    } catch (final IOException notYet) {
      return false;
    }
  }

  public HttpResponse<String> get(final String path) throws IOException {
    return send(request(path).GET());
  }

  /** A JSON request as the admin; {@code idempotencyKey} may be null. */
  public HttpResponse<String> send(final String method, final String path, final String json, final String idempotencyKey) throws IOException {
    final var request = request(path).header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request);
  }

  private HttpRequest.Builder request(final String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path)).header("Authorization", ADMIN).timeout(Duration.ofSeconds(30));
  }

  private HttpResponse<String> send(final HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Sum of a Prometheus counter's samples whose labels contain every one of {@code labels}. */
  public double counter(final String name, final String... labels) throws IOException {
    final var sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE).matcher(get("/actuator/prometheus").body());
    double sum = 0;
    while (sample.find()) {
      final String found = sample.group(1);
      if (List.of(labels).stream().allMatch(found::contains)) {
        sum += Double.parseDouble(sample.group(2));
      }
    }
    return sum;
  }

  /** SIGKILL: no shutdown hook runs (an embedded MariaDB child is left orphaned). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * SIGKILL to the app and its embedded MariaDB at the same instant, as a power cut or an OOM kill of
   * the whole container would: nothing is stopped gracefully, transactions in flight are cut.
   */
  public void killWithDatabase() throws InterruptedException {
    final List<ProcessHandle> children = process.descendants().toList();
    assertThat(children).as("the app's MariaDB server").isNotEmpty();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    for (final ProcessHandle child : children) {
      child.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }
  }

  /** SIGKILL to the app's MariaDB server alone; the app goes on running. */
  public void killDatabase() {
    final List<ProcessHandle> servers = process.descendants().filter(p -> p.info().command().orElse("").contains("mariadbd")).toList();
    assertThat(servers).as("the app's MariaDB server").hasSize(1);
    servers.getFirst().destroyForcibly();
    servers.getFirst().onExit().orTimeout(30, TimeUnit.SECONDS).join();
  }

  /** SIGTERM, as an orchestrator stops it: the app closes its context (and its embedded servers). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(60, TimeUnit.SECONDS);
  }
}
