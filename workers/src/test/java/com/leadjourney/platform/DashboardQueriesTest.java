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
import java.math.BigDecimal;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    "leadjourney.demo.enabled=true", "leadjourney.demo.days=14", "leadjourney.demo.leads-per-day=4", "leadjourney.engine.clock-starts-back=14d",
    "leadjourney.metrics.measures-every=PT3S", "leadjourney.metrics.measure-history-every=PT3S"})
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

  /** A board query's answer: one series per period (or breakdown row), its labels and value. */
  private List<JsonNode> series(final String expr) {
    final JsonNode answer = query(expr);
    assertThat(answer.path("status").asText()).as("%s: %s", expr, answer).isEqualTo("success");
    final List<JsonNode> result = new ArrayList<>();
    answer.path("data").path("result").forEach(result::add);
    return result;
  }

  private static double value(final JsonNode series) {
    return Double.parseDouble(series.path("value").get(1).asText());
  }

  /** The same number within ±1 % (or ±1 for counts: a lead that arrived between the two reads). */
  private static boolean agree(final double board, final BigDecimal pack, final String unit) {
    final double expected = pack.doubleValue();
    final double slack = Math.max(Math.abs(expected) * 0.01, List.of("leads", "deals", "events", "tasks").contains(unit) ? 1.0 : 0.051);
    return Math.abs(board - expected) <= slack;
  }

  /** Answers of the app for one round of comparison (many panels ask about the same period). */
  private final Map<String, Object> asked = new java.util.HashMap<>();

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> measuresOf(final String cadence, final String period) {
    return (Map<String, Map<String, Object>>) asked.computeIfAbsent("measures " + cadence + " " + period, k -> measuresAsked(cadence, period));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> measuresAsked(final String cadence, final String period) {
    final Map<String, Object> all = api().admin().getForObject("/api/measures/" + cadence + "?period=" + period, Map.class);
    final Map<String, Map<String, Object>> byKey = new java.util.TreeMap<>();
    ((List<Map<String, Object>>) all.get("measures")).forEach(m -> byKey.put((String) m.get("key"), m));
    return byKey;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> pack(final String cadence, final String period) {
    return (Map<String, Object>) asked.computeIfAbsent("pack " + cadence + " " + period,
        k -> api().admin().getForObject("/api/cadence-reviews/" + cadence + "?period=" + period, Map.class));
  }

  private static final Pattern MEASURE_QUERY = Pattern.compile("leadjourney:([a-z_]+):by_period\\{cadence=\"([a-z]+)\"(?:,ago=\"(\\d+)\")?}");
  private static final Pattern BREAKDOWN_QUERY = Pattern.compile("leadjourney:breakdown:by_period\\{breakdown=\"([a-z-]+)\",cadence=\"([a-z]+)\",ago=\"0\"");

  /**
   * Every measure query of every board against the review pack and /api/measures for the same
   * calendar period; every breakdown query against the pack's breakdown where the pack shows it.
   * Returns the measures the boards show; a disagreement is listed, not thrown, so the await retries.
   */
  @SuppressWarnings("unchecked")
  private List<String> disagreements(final List<String> queries, final Set<String> shown, final Set<String> packed) {
    final List<String> wrong = new ArrayList<>();
    for (final String query : queries) {
      final String expr = query.substring(query.indexOf(" :: ") + 4);
      final Matcher measure = MEASURE_QUERY.matcher(expr);
      if (measure.find()) {
        final String key = measure.group(1).replace('_', '-');
        shown.add(key);
        for (final JsonNode series : series(expr)) {
          final String period = series.path("metric").path("period").asText();
          final var expected = measuresOf(measure.group(2), period).get(key);
          if (expected.get("value") == null || !agree(value(series), new BigDecimal(expected.get("value").toString()), (String) expected.get("unit"))) {
            wrong.add(query + " @ " + period + ": board " + value(series) + ", /api/measures " + expected.get("value"));
          }
          final var indicator = ((List<Map<String, Object>>) pack(measure.group(2), period).get("indicators")).stream()
              .filter(i -> key.equals(i.get("key"))).findFirst();
          indicator.ifPresent(i -> packed.add(key));
          if (indicator.isPresent() && (indicator.get().get("value") == null
              || !agree(value(series), new BigDecimal(indicator.get().get("value").toString()), (String) expected.get("unit")))) {
            wrong.add(query + " @ " + period + ": board " + value(series) + ", review pack " + indicator.get().get("value"));
          }
        }
      }
      final Matcher breakdown = BREAKDOWN_QUERY.matcher(expr);
      if (breakdown.find()) {
        final var rows = ((List<Map<String, Object>>) pack(breakdown.group(2), "").get("breakdowns")).stream()
            .filter(b -> breakdown.group(1).equals(b.get("key"))).flatMap(b -> ((List<Map<String, Object>>) b.get("rows")).stream()).toList();
        for (final JsonNode series : rows.isEmpty() ? List.<JsonNode>of() : series(expr)) {
          final String item = series.path("metric").path("item").asText();
          final String group = series.path("metric").path("group").asText();
          final var row = rows.stream().filter(r -> item.equals(r.get("label")) && group.equals(r.get("group") == null ? "" : r.get("group"))).findFirst();
          if (row.isEmpty() || row.get().get("value") == null || !agree(value(series), new BigDecimal(row.get().get("value").toString()), "leads")) {
            wrong.add(query + " / " + group + " " + item + ": board " + value(series) + ", review pack " + row.map(r -> r.get("value")).orElse(null));
          }
        }
      }
    }
    return wrong;
  }

  @Test
  void everyPanelOfEveryCadenceBoardAnswersFromARealPrometheusAndAgreesWithTheReviewPack() throws Exception {
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
    final List<JsonNode> stats = new ArrayList<>();
    final List<String> titles = new ArrayList<>();
    for (final Path board : boards) {
      final JsonNode dashboard = JSON.readTree(board.toFile());
      assertThat(dashboard.path("time").path("from").asText()).as("%s: a calendar period so far", board.getFileName()).matches("now/[wMQ]");
      for (final JsonNode panel : dashboard.path("panels")) {
        final String where = board.getFileName() + " / " + panel.path("title").asText();
        titles.add(where);
        assertThat(panel.path("description").asText()).as("%s says which question it answers", where).isNotBlank();
        assertThat(panel.path("datasource").path("uid").asText()).as(where).isEqualTo("prometheus");
        assertThat(panel.path("title").asText()).as("%s: people's words, not ids", where).doesNotContainPattern("xdr-handoff|sales-acceptance|pre-qualification|contact-intake|closed-(won|lost)|le=");
        if (List.of("stat", "gauge").contains(panel.path("type").asText())) {
          stats.add(panel);
        }
        for (final JsonNode target : panel.path("targets")) {
          assertThat(target.path("datasource").path("uid").asText()).as(where).isEqualTo("prometheus");
          panels.add(where + " :: " + target.path("expr").asText());
        }
      }
    }
    assertThat(titles).as("a funnel and MQL → SQL by source").anyMatch(t -> t.contains("/ Funnel —")).anyMatch(t -> t.contains("MQL → SQL by source"));

    // Rates need two scrapes and the recording rules a few evaluations: give every panel up to a minute.
    // A panel answers when one of its queries does: last quarter's win rate has no deals to divide in a two-week demo.
    final Map<String, List<String>> byPanel = panels.stream().collect(java.util.stream.Collectors.groupingBy(
        p -> p.substring(0, p.indexOf(" :: ")), java.util.TreeMap::new, java.util.stream.Collectors.mapping(p -> p.substring(p.indexOf(" :: ") + 4),
            java.util.stream.Collectors.toList())));
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() ->
        assertThat(byPanel.entrySet()).as("panels without data").filteredOn(p -> p.getValue().stream().noneMatch(this::hasData)).isEmpty());

    // Every stat is coloured against its target: the thresholds' top step is the target the app exports for this period.
    for (final JsonNode stat : stats) {
      final String title = stat.path("title").asText();
      final JsonNode steps = stat.path("fieldConfig").path("defaults").path("thresholds").path("steps");
      assertThat(stat.path("fieldConfig").path("defaults").path("unit").asText()).as("%s has a unit", title).isNotBlank();
      assertThat(steps.size()).as("%s: red, amber, green", title).isGreaterThanOrEqualTo(3);
      final Matcher measure = MEASURE_QUERY.matcher(stat.path("targets").get(0).path("expr").asText());
      assertThat(measure.find()).as(title).isTrue();
      final String key = measure.group(1).replace('_', '-');
      final String cadence = measure.group(2);
      assertThat(stat.path("targets").findValuesAsText("expr")).as("%s shows its target", title)
          .contains("leadjourney:measure_target:by_period{measure=\"" + key + "\",cadence=\"" + cadence + "\",ago=\"0\"}");
      final var target = measuresOf(cadence, "").get(key).get("target");
      assertThat(target).as("%s: the app has a target for it", title).isNotNull();
      assertThat(steps.get(steps.size() - 1).path("value").asDouble()).as("%s: green from the target", title)
          .isEqualTo(new BigDecimal(target.toString()).doubleValue());
    }

    final Set<String> shown = new java.util.TreeSet<>();
    final Set<String> packed = new java.util.TreeSet<>();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
      shown.clear();
      packed.clear();
      asked.clear();
      assertThat(disagreements(panels, shown, packed)).as("board against review pack, same calendar period").isEmpty();
    });
    assertThat(shown).as("every measure of the catalogue is on a board").containsExactlyInAnyOrderElementsOf(measuresOf("weekly", "").keySet());
    assertThat(packed).as("every measure on a board checked against the pack of that board's cadence").isEqualTo(shown);
    final String catalogue = Files.readString(CONFIG.resolve("METRICS.md"));
    measuresOf("weekly", "").values().forEach(m -> assertThat(catalogue).as("METRICS.md defines %s as the code does", m.get("key"))
        .contains("| `" + m.get("key") + "` | " + m.get("name") + " | " + m.get("unit") + " | ", (String) m.get("definition")));
    System.out.printf("dashboards: %d boards, %d panel queries answered by Prometheus; %d measures agree with the review pack%n",
        boards.size(), panels.size(), shown.size());
  }
}
