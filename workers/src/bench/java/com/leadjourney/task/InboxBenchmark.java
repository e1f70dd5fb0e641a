package com.leadjourney.task;

import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.JourneyDriver;
import com.leadjourney.LeadApi;
import com.leadjourney.security.UserAccounts;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast the workbench answers a manager whose teams hold N open tasks: N real journeys through
 * {@code POST /api/leads} to XDR tasks in one team, then the inbox page, its live refresh
 * ({@code /inbox/rows}), one task's panel (the contact card), the team page and a lead search, each
 * 5 times to warm up and 30 times measured (p50, p95, max). Not part of the test command; prints
 * lines and writes target/bench/inbox.json.
 *
 * <p>./mvnw -q -pl workers -am verify -Dexec.skip=true -Dtest=InboxBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtasks=500
 */
class InboxBenchmark extends EmbeddedAppTest {

  @DynamicPropertySource
  static void benchmark(final DynamicPropertyRegistry registry) {
    registry.add("leadjourney.intake.enrichment-window", () -> "0s"); // the journeys' pace is not what is measured
  }

  @Autowired TestRestTemplate http;
  @Autowired UserAccounts accounts;

  @Value("${local.server.port}")
  int port;

  @Test
  @SuppressWarnings("unchecked")
  void aManagerWithNOpenTasks() throws Exception {
    final int n = Integer.getInteger("tasks", 500);
    final LeadApi api = new LeadApi(http);
    api.putTeam("xdr-bench", "xdr", "BE", "bench-manager",
        List.of(LeadApi.member("bench-a", null), LeadApi.member("bench-b", null), LeadApi.member("bench-c", null), LeadApi.member("bench-d", null)));
    final long fill = System.nanoTime();
    for (int i = 0; i < n; i++) {
      api.accept("""
          {"email":"buyer%d@bench-%d.be","firstName":"Buyer","lastName":"No %d","title":"Head of Sales","phone":"+32 2 555 %04d","company":"Bench %d",
           "country":"BE","source":"webinar","campaign":"bench","consent":true,"profile":%s}""".formatted(i, i % 50, i, i, i % 50, JourneyDriver.STRONG_FIT));
    }
    final String password = accounts.create("bench-manager", List.of("MANAGER"));
    final var manager = http.withBasicAuth("bench-manager", password);
    await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
        .until(() -> manager.getForObject("/api/tasks?stage=xdr-handoff", List.class).size() >= n);
    System.out.printf("inbox: %d journeys to XDR tasks in %.1f s%n", n, (System.nanoTime() - fill) / 1e9);
    final List<Map<String, Object>> open = manager.getForObject("/api/tasks?stage=xdr-handoff", List.class);
    final Object key = open.get(open.size() / 2).get("userTaskKey");

    final Map<String, Object> results = new LinkedHashMap<>();
    results.put("openTasks", open.size());
    final HttpClient browser = signedIn("bench-manager", password); // as the workbench is used: one sign-in, then its session
    for (final String page : List.of("/inbox", "/inbox/rows", "/inbox/" + key + "/panel", "/team", "/leads?q=bench-7", "/api/leads?q=bench&size=50")) {
      final double[] ms = measure(browser, page);
      System.out.printf("inbox: %-28s p50 %5.1f ms  p95 %5.1f ms  max %5.1f ms  (%d open tasks)%n", page, ms[0], ms[1], ms[2], open.size());
      results.put(page, Map.of("p50", ms[0], "p95", ms[1], "max", ms[2]));
    }
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/inbox.json"), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(results));
  }

  /** A browser's session: the sign-in form once (a password check costs ~80 ms by design), then its cookie. */
  private HttpClient signedIn(final String username, final String password) throws Exception {
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    final String form = client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    final Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the sign-in page");
    }
    final String body = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
    client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    return client;
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private double[] measure(final HttpClient browser, final String page) throws Exception {
    final HttpRequest request = HttpRequest.newBuilder(URI.create(base() + page))
        .header("Accept", page.startsWith("/api") ? "application/json" : "text/html").build();
    final List<Double> times = new ArrayList<>();
    for (int i = 0; i < 35; i++) {
      final long start = System.nanoTime();
      final var answer = browser.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(page + " answered " + answer.statusCode());
      }
      if (i >= 5) {
        times.add((System.nanoTime() - start) / 1e6);
      }
    }
    times.sort(Double::compare);
    return new double[] {times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1), times.get(times.size() - 1)};
  }
}
