package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.JourneyDriver;
import com.leadjourney.OwnAppTest;
import com.leadjourney.definition.DefinitionHealth;
import com.leadjourney.demo.DemoQuarter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The cadence boards against a real Prometheus (Debian package {@code prometheus}, installed by
 * .ci/run) scraping an app started with demo data — two weeks played through the engine by the
 * demo's people, as the {@code demo} profile does with a quarter — plus a handful of journeys that
 * make sure of a win, a loss and a breach: every panel of every dashboard, evaluated through
 * Prometheus's HTTP API with the repo's recording rules loaded, returns data, and every panel uses
 * only the provisioned datasource. Its own app (own database and engine), closed afterwards.
 */
@TestPropertySource(properties = {
    "leadjourney.demo.enabled=true", "leadjourney.demo.days=14", "leadjourney.demo.leads-per-day=4", "leadjourney.engine.clock-starts-back=14d"})
class DashboardQueriesTest extends OwnAppTest {


  @Autowired DemoQuarter demo;
  @Autowired DefinitionHealth definitionHealth;
  @Autowired JdbcTemplate jdbc;

  private static final Path CONFIG = Path.of("..", "dashboard-config").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired Clock clock;

  @Value("${local.server.port}")
  int appPort;

  private Process prometheus;
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stopPrometheus() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      prometheus.waitFor();
    }
  }

  /** The demo's quarter (here two weeks) played to the present, every lead in it marked as demo data. */
  @SuppressWarnings("unchecked")
  private void demoPlayed() throws Exception {
    final DemoQuarter.Summary played = demo.played().get(10, TimeUnit.MINUTES);
    assertThat(played.leads()).as("leads over ten working days").isGreaterThan(20);
    assertThat(played.touches()).isPositive();
    assertThat(played.tasksCompleted()).isPositive();
    // This app holds the demo's leads only. A few (3 %) come without consent: nothing personal of them is kept, the marker neither.
    final int withoutConsent =
        jdbc.queryForObject("select count(*) from leads where email is null and custom_fields is null and journey_result = 'rejected'", Integer.class);
    assertThat(jdbc.queryForObject("select count(*) from leads where email like '%-demo.com' and custom_fields like '%\"demo\":true%'", Integer.class))
        .as("every demo lead that consented is marked").isEqualTo(played.leads() - withoutConsent);
    assertThat(engine.offset().isNegative()).as("the engine clock has caught up with the present").isFalse();
    assertThat(jdbc.queryForList("select distinct stage from leads", String.class)).as("journeys spread over the stages")
        .hasSizeGreaterThanOrEqualTo(4).contains("nurture", "opportunity");
    final Map<String, Object> lastWeek = api().admin().getForObject("/api/cadence-reviews/weekly", Map.class);
    assertThat((List<Map<String, Object>>) lastWeek.get("indicators"))
        .filteredOn(i -> List.of("mqls", "first-touch-in-sla").contains(i.get("key")))
        .allSatisfy(i -> assertThat(i.get("value")).as("last week's %s", i.get("key")).isNotNull().isNotEqualTo(0));
    definitionHealth.refresh();
    final String exposition = api().scrape();
    assertThat(exposition.lines().filter(l -> l.startsWith("leadjourney_definition_mql_to_sql_ratio{") && l.contains("definition_version=\"v1-default\"")))
        .as("definition health from the demo's MQLs").singleElement()
        .satisfies(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).isBetween(0.01, 1.0));
    // From here on the deterministic journeys below need a team that works around the clock.
    for (final String team : List.of("xdr", "ae")) {
      api().ensureUser(team + "-on-call", team.toUpperCase());
      api().admin().exchange("/api/teams/" + team, HttpMethod.PUT, new HttpEntity<>(Map.of(
          "name", team, "function", team, "isDefault", true, "manager", "manager-mia", "timeZone", "UTC", "workDays", "MON,TUE,WED,THU,FRI,SAT,SUN",
          "opens", "00:00", "closes", "00:00", "members", List.of(Map.of("username", team + "-on-call", "weight", 1, "active", true)))), Map.class);
    }
  }

  /** A customer, a rejection, a loss, a breached first touch, a month's commitment: something for every panel. */
  private void journeysWorthReviewing() {
    final var driver = driver();
    final String won = driver.lead("won@review-corp.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final String rejected = driver.lead("rejected@review-corp.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final String lost = driver.lead("lost@review-corp.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final String ignored = driver.lead("ignored@review-corp.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    driver.complete(driver.sqlAwaitingAcceptance(won), Map.of("outcome", "accepted"));
    driver.complete(driver.sqlAwaitingAcceptance(rejected), Map.of("outcome", "rejected", "reason", "no-budget"));
    driver.complete(driver.sqlAwaitingAcceptance(lost), Map.of("outcome", "accepted"));
    driver.awaitTask(ignored, "xdr-handoff");
    final var wonDeal = driver.awaitOpportunity(won);
    driver.updateOpportunity(wonDeal, Map.of("stage", "closed-won", "amount", 25000,
        "contactRoles", List.of(Map.of("leadId", won, "role", "decision-maker", "confirmed", true))));
    driver.updateOpportunity(driver.awaitOpportunity(lost), Map.of("stage", "closed-lost", "reason", "competitor-chosen"));
    engine.advanceClock(Duration.ofHours(4).plusMinutes(1)); // the ignored lead's first touch is now late
    driver.awaitTimeline(ignored, "SLA_ESCALATED");
    driver.awaitClosed(won, "customer");
    driver.awaitTimeline(lost, "FEEDBACK_RECORDED");
    api().admin().exchange("/api/campaigns/webinar-q3", HttpMethod.PUT, new HttpEntity<>(Map.of("channel", "webinar", "cost", 12000)), Map.class);
    final var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    api().admin().exchange("/api/marketing-targets/" + YearMonth.from(today) + "/mid-market", HttpMethod.PUT, new HttpEntity<>(Map.of("target", 300)), Map.class);
    api().admin().postForObject("/api/marketing-pacing/" + today, null, List.class);
  }

  private void startPrometheus() throws IOException {
    final Path dir = EmbeddedAppTest.newDataDir("prometheus-");
    final int port = EmbeddedAppTest.freePort();
    // The shipped config as compose runs it (scrape credential included), pointed at this app and sped up.
    final Path password = Files.writeString(dir.resolve("metrics-password"), EmbeddedAppTest.METRICS_PASSWORD);
    final String config = Files.readString(CONFIG.resolve("prometheus.yml"))
        .replace("interval: 15s", "interval: 1s")
        .replace("- rules/", "- " + CONFIG.resolve("rules") + "/")
        .replace("/prometheus/metrics-password", password.toString())
        .replace("\"app:8080\"", "\"127.0.0.1:" + appPort + "\"");
    assertThat(config).as("every compose-only value replaced").doesNotContain("\"app:8080\"", "/prometheus/", "15s");
    Files.writeString(dir.resolve("prometheus.yml"), config);
    try {
      prometheus =
          new ProcessBuilder(
                  "prometheus", "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("prometheus.log").toFile())
              .start();
    } catch (final IOException e) {
      throw new IllegalStateException("prometheus is missing: install the Debian package 'prometheus' (bash .ci/run does)", e);
    }
    prometheusUrl = "http://127.0.0.1:" + port;
  }

  private String prometheusUrl;

  private JsonNode query(final String expr) {
    try {
      final var response =
          client.send(
              HttpRequest.newBuilder(URI.create(prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8))).build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (final IOException e) {
      return JSON.createObjectNode(); // not up yet
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean hasData(final String expr) {
    final JsonNode answer = query(expr);
    return "success".equals(answer.path("status").asText()) && !answer.path("data").path("result").isEmpty();
  }

  @Test
  void everyPanelOfEveryCadenceBoardAnswersFromARealPrometheus() throws Exception {
    demoPlayed();
    journeysWorthReviewing();
    startPrometheus();
    await().atMost(Duration.ofSeconds(60)).until(() -> hasData("up{job=\"lead-journey\"} == 1"));

    final List<Path> boards;
    try (Stream<Path> files = Files.list(CONFIG.resolve("grafana/dashboards"))) {
      boards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(boards).hasSizeGreaterThanOrEqualTo(3);
    final List<String> panels = new ArrayList<>();
    for (final Path board : boards) {
      final JsonNode dashboard = JSON.readTree(board.toFile());
      for (final JsonNode panel : dashboard.path("panels")) {
        final String where = board.getFileName() + " / " + panel.path("title").asText();
        assertThat(panel.path("description").asText()).as("%s says which question it answers", where).isNotBlank();
        assertThat(panel.path("datasource").path("uid").asText()).as(where).isEqualTo("prometheus");
        for (final JsonNode target : panel.path("targets")) {
          assertThat(target.path("datasource").path("uid").asText()).as(where).isEqualTo("prometheus");
          panels.add(where + " :: " + target.path("expr").asText());
        }
      }
    }

    // Rates need two scrapes and the recording rules a few evaluations: give every panel up to a minute.
    await().atMost(Duration.ofSeconds(60)).until(() -> panels.stream().allMatch(p -> hasData(p.substring(p.indexOf(" :: ") + 4))));
    System.out.printf("dashboards: %d boards, %d panel queries, all answered by Prometheus%n", boards.size(), panels.size());
  }
}
