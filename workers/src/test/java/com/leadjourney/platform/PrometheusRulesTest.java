package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * dashboard-config/ is code: Prometheus's own tool accepts the config and the rules, the alert
 * rules' unit tests pass, and the app's live exposition passes its lint. Needs {@code promtool}
 * (Debian package {@code prometheus}; .ci/run installs it).
 */
class PrometheusRulesTest extends EmbeddedAppTest {

  private static final Path CONFIG = Path.of("..", "dashboard-config").toAbsolutePath().normalize();

  @Autowired TestRestTemplate http;

  private record Result(int exit, String output) {}

  private static Result promtool(final String stdin, final String... args) throws IOException, InterruptedException {
    final List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    final Process process;
    try {
      process = new ProcessBuilder(command).directory(CONFIG.toFile()).redirectErrorStream(true).start();
    } catch (final IOException e) {
      throw new IllegalStateException("promtool is missing: install the Debian package 'prometheus' (bash .ci/run does)", e);
    }
    try (var in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  @Test
  void theConfigAndRulesAreValidAndTheAlertsBehaveAsTheirTestsSay() throws Exception {
    final var config = promtool(null, "check", "config", "prometheus.yml");
    assertThat(config.exit()).as(config.output()).isZero();
    final var rules = promtool(null, "check", "rules", "rules/recording.yml", "rules/alerts.yml");
    assertThat(rules.exit()).as(rules.output()).isZero();
    final var tests = promtool(null, "test", "rules", "rules/tests/rules_test.yml");
    assertThat(tests.exit()).as(tests.output()).isZero();
    assertThat(tests.output()).contains("SUCCESS");
  }

  @Test
  void theLiveExpositionPassesPromtoolsLint() throws Exception {
    final String exposition = new LeadApi(http).scrape();
    assertThat(exposition).contains("leadjourney_journeys_open", "leadjourney_speed_to_lead_seconds_bucket");

    final var lint = promtool(exposition, "check", "metrics");

    assertThat(lint.exit()).as(lint.output()).isZero();
  }
}
