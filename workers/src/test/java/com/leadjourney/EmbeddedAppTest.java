package com.leadjourney;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application in embedded mode: the real Zeebe engine and a real MariaDB server,
 * on free ports and a fresh data dir, shared by every test class that extends this one.
 */
@AutoConfigureObservability // /actuator/prometheus as in production
// A defined port: the Camunda client sends user-task commands to this app at server.port.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class EmbeddedAppTest {

  public static final String ADMIN_PASSWORD = "test-admin-password";
  public static final String WEBHOOK_SOURCE_SECRET = "typeform-shared-secret";
  /** Of the user {@code prometheus} (role METRICS), who scrapes /actuator/prometheus. */
  public static final String METRICS_PASSWORD = "test-metrics-password";

  // Chosen once per JVM: property suppliers are evaluated on every lookup.
  private static final Path DATA_DIR = newDataDir("embedded-app-");
  private static final int GATEWAY_PORT = freePort();
  private static final int HTTP_PORT = freePort();

  @DynamicPropertySource
  static void embeddedMode(final DynamicPropertyRegistry registry) {
    registry.add("leadjourney.data-dir", DATA_DIR::toString);
    registry.add("leadjourney.engine.gateway-port", () -> GATEWAY_PORT);
    registry.add("server.port", () -> HTTP_PORT);
    common(registry);
  }

  /** What every test app has: the admin's password and outbound channels captured by the tests. */
  static void common(final DynamicPropertyRegistry registry) {
    registry.add("leadjourney.admin-password", () -> ADMIN_PASSWORD);
    registry.add("leadjourney.metrics.password", () -> METRICS_PASSWORD);
    registry.add("leadjourney.webhooks.secrets.typeform", () -> WEBHOOK_SOURCE_SECRET);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", OutboundCapture::smtpPort);
    registry.add("leadjourney.notifications.webhook-url", OutboundCapture::webhookUrl);
    registry.add("leadjourney.notifications.webhook-secret", () -> OutboundCapture.WEBHOOK_SECRET);
    // A receiver that was down is tried again within seconds, not the product's hour: tests wait for it.
    registry.add("leadjourney.events.retry-max", () -> "5s");
  }

  private static boolean earlierRunsRemoved;

  /**
   * Each test app's database and engine take about half a gigabyte; the dirs of earlier test runs
   * go before this run makes its first (none of this run's exists yet, and one JVM runs at a time).
   */
  private static synchronized void removeEarlierRuns(final Path target) throws IOException {
    if (earlierRunsRemoved) {
      return;
    }
    earlierRunsRemoved = true;
    try (var dirs = Files.list(target)) {
      for (final Path dir : dirs.filter(d -> d.getFileName().toString().matches("(embedded-app|own-app|restart-from)-\\d+")).toList()) {
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
      }
    }
  }

  public static Path newDataDir(final String prefix) {
    try {
      final Path target = Files.createDirectories(Path.of("target"));
      removeEarlierRuns(target);
      return Files.createTempDirectory(target, prefix).toAbsolutePath();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
