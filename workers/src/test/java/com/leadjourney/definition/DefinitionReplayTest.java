package com.leadjourney.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replay recovers a planted rule: in a generated 2023 history, leads with an approved budget at
 * director level or above became customers 60% of the time, the others 10%. Replaying a draft
 * with exactly that rule reports those rates within two points, and the lift over the base rate;
 * the default definition, replayed over the same leads, can be put beside it.
 */
class DefinitionReplayTest extends EmbeddedAppTest {

  private static final int LEADS = 8_000;

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  private TestRestTemplate admin() {
    return new LeadApi(http).admin();
  }

  /** 8,000 leads of 2023 with their profile and how far each got (history imported from the old CRM). */
  private void plantedHistory() {
    final Random random = new Random(2023);
    final String[] seniorities = {"individual", "manager", "director", "vp", "c-level"};
    final List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < LEADS; i++) {
      final String budget = random.nextDouble() < 0.4 ? "approved" : random.nextBoolean() ? "planned" : "none";
      final String seniority = seniorities[random.nextInt(seniorities.length)];
      final boolean planted = "approved".equals(budget) && List.of("director", "vp", "c-level").contains(seniority);
      final boolean converted = random.nextDouble() < (planted ? 0.6 : 0.1);
      final var created = Timestamp.valueOf(LocalDateTime.of(2023, 1, 1, 9, 0).plusMinutes(i * 60L));
      rows.add(new Object[] {
          UUID.randomUUID().toString(), "buyer" + i + "@history.test", i % 3 == 0 ? "webinar" : "web-form", budget, seniority,
          random.nextInt(2000) + 5, converted ? "customer" : random.nextBoolean() ? "lead" : "mql", created, created});
    }
    jdbc.batchUpdate(
        """
        insert into leads (id, email, source, consent, stage, journey_state, budget, seniority, company_size, history_stage, created_at, updated_at)
        values (?, ?, ?, true, 'customer', 'ENDED', ?, ?, ?, ?, ?, ?)""",
        rows);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> replayed(final String version) {
    final var started = admin().postForEntity("/api/definitions/" + version + "/replays?from=2023-01-01&until=2024-01-01", null, Map.class);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(started.getHeaders().getLocation()).isNotNull();
    final String id = (String) started.getBody().get("id");
    await().atMost(Duration.ofSeconds(60)).until(() -> !"running".equals(admin().getForObject("/api/replays/" + id, Map.class).get("state")));
    final Map<String, Object> replay = admin().getForObject("/api/replays/" + id, Map.class);
    assertThat(replay).as("%s", replay.get("failure")).containsEntry("state", "done").containsEntry("processed", LEADS).containsEntry("total", LEADS);
    return replay;
  }

  private static double number(final Map<String, Object> map, final String... path) {
    Object at = map;
    for (final String key : path) {
      at = ((Map<?, ?>) at).get(key);
    }
    return ((Number) at).doubleValue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aReplayOfTheRuleThatDroveConversionReportsItsRatesAndLift() {
    plantedHistory();
    final var draft = admin().postForEntity("/api/definitions", Map.of(
        "version", "v-planted-budget",
        "criteria", List.of(Map.of("tests", Map.of("budget", "\"approved\"", "seniority", "\"director\",\"vp\",\"c-level\""),
            "label", "approved budget, director or above", "points", 50, "verdict", "fit")),
        "thresholds", Map.of("mqlFit", 50, "mqlEngagement", 10, "hotFit", 80, "hotEngagement", 20, "halfLife", "P14D")), Map.class);
    assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    final var planted = replayed("v-planted-budget");
    final var result = (Map<String, Object>) planted.get("result");
    // 40% approved budgets × 3 of 5 seniorities ≈ 24% of the leads.
    assertThat(number(result, "qualifiedShare")).isCloseTo(24.0, within(2.0));
    assertThat(number(result, "overall", "qualified", "won")).as("won among the qualified").isCloseTo(60.0, within(2.0));
    assertThat(number(result, "overall", "notQualified", "won")).as("won among the rest").isCloseTo(10.0, within(2.0));
    final double base = number(result, "overall", "all", "won");
    assertThat(base).isCloseTo(0.24 * 60 + 0.76 * 10, within(2.0));
    assertThat(number(result, "overall", "liftWon")).isCloseTo(number(result, "overall", "qualified", "won") / base, within(0.02));
    assertThat((List<Map<String, Object>>) result.get("bySource")).extracting(s -> s.get("key")).containsExactly("web-form", "webinar");
    assertThat((List<Map<String, Object>>) result.get("bySegment")).extracting(s -> s.get("key")).contains("smb", "mid-market", "enterprise");

    // The default definition over the same history: it needs more than budget and seniority, so it qualifies none of these leads.
    final var live = replayed("v1-default");
    final Map<String, Object> sideBySide =
        admin().getForObject("/api/replays/compare?a=" + planted.get("id") + "&b=" + live.get("id"), Map.class);
    assertThat(number(sideBySide, "a", "result", "qualified")).isGreaterThan(number(sideBySide, "b", "result", "qualified"));
    assertThat(admin().postForEntity("/api/definitions/v-none/replays", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
