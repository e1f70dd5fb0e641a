package com.leadjourney.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.leadjourney.JourneyTest;
import com.leadjourney.JourneyDriver;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** Routing as sales ops sets it up: weights, caps, absences, territories, account owners, and nobody left. */
class TeamRoutingTest extends JourneyTest {

  @Autowired TeamRouting routing;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;


  /** An XDR team for one country; {@code hours} adds time zone, work days, opening hours and holidays. */
  private void putTeam(
      final String id, final String country, final List<Map<String, Object>> members, final String manager, final Map<String, Object> hours) {
    final Map<String, Object> team =
        new java.util.HashMap<>(
            Map.of("name", "Team " + id, "function", "xdr", "isDefault", false, "manager", manager, "members", members,
                "territories", List.of(Map.of("rank", 0, "country", country))));
    team.putAll(hours);
    members.forEach(m -> api().ensureUser((String) m.get("username"), "XDR"));
    final var response =
        api().admin().exchange("/api/teams/" + id, org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(team), Map.class);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
  }

  private static final Map<String, Object> AROUND_THE_CLOCK =
      Map.of("timeZone", "UTC", "workDays", "MON,TUE,WED,THU,FRI,SAT,SUN", "opens", "00:00", "closes", "00:00");

  private void away(final String username) {
    final var now = clock.instant();
    assertThat(api().admin().postForEntity(
            "/api/out-of-office",
            Map.of("username", username, "startsAt", now.minus(Duration.ofDays(1)).toString(), "endsAt", now.plus(Duration.ofDays(60)).toString(), "reason", "parental leave"),
            Map.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(api().admin().getForObject("/api/audit?subjectType=member&subjectId=" + username, List.class))
        .as("who entered the absence").anySatisfy(entry -> assertThat(List.of(((Map<?, ?>) entry).get("actor"), ((Map<?, ?>) entry).get("action")))
            .containsExactly("admin", "team.out-of-office"));
  }

  /** Leads straight into MySQL: routing is what is measured here, not intake. */
  private List<String> leadsFrom(final String country, final int count) {
    final var now = Timestamp.from(clock.instant());
    final List<String> ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
    jdbc.batchUpdate(
        """
        insert into leads (id, email, source, consent, stage, journey_state, created_at, updated_at, country)
        values (?, ?, 'import', true, 'xdr-handoff', 'OPEN', ?, ?, ?)""",
        ids.stream().map(id -> new Object[] {id, id + "@routing.test", now, now, country}).toList());
    return ids;
  }

  private TeamRouting.Request request(final String leadId, final String country, final long jobKey) {
    return new TeamRouting.Request(leadId, "xdr-handoff", "xdr", 1, 0, jobKey, new Teams.LeadSegment(country, null, null), null);
  }

  @Test
  void tenThousandLeadsFromEightThreadsFollowTheWeightsSkipTheAbsentAndNeverBreakACap() throws Exception {
    putTeam(
        "fairness", "AQ",
        List.of(
            Map.of("username", "fair-a", "weight", 2, "active", true), Map.of("username", "fair-b", "weight", 1, "active", true),
            Map.of("username", "fair-c", "weight", 1, "active", true), Map.of("username", "fair-d", "weight", 1, "active", true),
            Map.of("username", "fair-e", "weight", 1, "maxOpen", 100, "active", true)),
        "fair-manager", AROUND_THE_CLOCK);
    away("fair-d");
    final List<String> leads = leadsFrom("AQ", 10_000);

    final long started = System.nanoTime();
    try (var pool = Executors.newFixedThreadPool(8)) {
      final List<Future<TeamRouting.Assignment>> routed = new ArrayList<>();
      for (int i = 0; i < leads.size(); i++) {
        final int n = i;
        routed.add(pool.submit(() -> routing.assign(request(leads.get(n), "AQ", 7_000_000L + n))));
      }
      for (final var assignment : routed) {
        assignment.get();
      }
    }
    final double seconds = (System.nanoTime() - started) / 1e9;

    final Map<String, Long> shares =
        jdbc.queryForList("select assignee from routing_decision where team = 'fairness'", String.class).stream()
            .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
    System.out.printf("routing fairness: 10,000 leads from 8 threads in %.1f s (%.0f/s): %s%n", seconds, 10_000 / seconds, shares);
    assertThat(shares).doesNotContainKey("fair-d").containsEntry("fair-e", 100L);
    // After fair-e's cap the rest split 2:1:1.
    assertThat(shares.get("fair-a").doubleValue()).isCloseTo(4950, within(4950 * 0.02));
    assertThat(shares.get("fair-b").doubleValue()).isCloseTo(2475, within(2475 * 0.02));
    assertThat(shares.get("fair-c").doubleValue()).isCloseTo(2475, within(2475 * 0.02));
    assertThat(jdbc.queryForObject("select open_assignments from team_member where team_id = 'fairness' and username = 'fair-e'", Integer.class))
        .isEqualTo(100);
  }

  @Test
  void whenEveryoneIsAwayTheLeadWaitsInTheTeamQueueAssignedToNobodyAndTheManagerIsAlerted() {
    putTeam("skeleton", "TV", List.of(Map.of("username", "only-one", "weight", 1, "active", true)), "skeleton-manager", AROUND_THE_CLOCK);
    away("only-one");
    final String leadId = leadsFrom("TV", 1).get(0);

    final var assignment = routing.assign(request(leadId, "TV", 8_000_001L));

    assertThat(assignment.assignee()).as("the manager is told, not given it").isNull();
    assertThat(assignment.teamId()).isEqualTo("skeleton");
    assertThat(assignment.rule()).contains("team queue");
    assertThat(jdbc.queryForObject("select detail from journey_event where lead_id = ? and type = 'ROUTING_ALERT'", String.class, leadId))
        .contains("team's queue", "skeleton-manager alerted");
    assertThat(jdbc.queryForObject("select count(*) from journey_event where lead_id = ? and type = 'ROUTING_ALERT'", Integer.class, leadId)).isEqualTo(1);
    assertThat(api().scrape()).contains("leadjourney_routing_unassigned_total{application=\"lead-journey\",team=\"skeleton\"}");
  }

  @Test
  void aLeadFromAnOwnedAccountGoesToItsOwner() {
    final var account = api().admin().postForEntity("/api/accounts", Map.of("name", "Acme", "domain", "acme.de", "owner", "xdr-grace"), Map.class);
    assertThat(account.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    final var driver = driver();

    final String leadId =
        driver.lead("x@acme.de", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT.replace("\"companySize\":500", "\"companySize\":500,\"industry\":\"manufacturing\""));

    final var task = driver.awaitTask(leadId, "xdr-handoff");
    assertThat(task.get("assignee")).isEqualTo("xdr-grace");
    assertThat(driver.detailOf(leadId, "ROUTED")).contains("rule: account owner");
    assertThat(api().lead(leadId).get("accountId")).isEqualTo(account.getBody().get("id"));
  }

  @Test
  void aHotLeadForABerlinTeamIsDueFiveWorkingMinutesAfterItWasRouted() {
    putTeam(
        "dach", "DE", List.of(Map.of("username", "xdr-dieter", "weight", 1, "active", true)), "manager-mia",
        Map.of("timeZone", "Europe/Berlin", "workDays", "MON,TUE,WED,THU,FRI", "opens", "09:00", "closes", "18:00",
            "holidays", List.of(Map.of("day", "2027-03-29", "name", "Ostermontag"))));
    final var driver = driver();
    final String leadId =
        api().accept("{\"email\":\"hot@fabrikam.de\",\"consent\":true,\"country\":\"DE\",\"source\":\"chat\",\"profile\":" + JourneyDriver.STRONG_FIT + "}");
    assertThat(api().admin().postForEntity("/api/leads/" + leadId + "/engagements", Map.of("type", "web-visit"), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    driver.passEnrichmentWindow(leadId);

    final var task = driver.awaitTask(leadId, "xdr-handoff");

    assertThat(task.get("assignee")).isEqualTo("xdr-dieter");
    assertThat(driver.detailOf(leadId, "SLA_STARTED")).contains("hot/mid-market: 5 min in team dach");
    final var routedAt = jdbc.queryForObject("select decided_at from routing_decision where lead_id = ? and stage = 'xdr-handoff'", Timestamp.class, leadId).toInstant();
    final var berlin =
        new com.leadjourney.routing.BusinessHours(
            java.time.ZoneId.of("Europe/Berlin"), java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
            java.time.LocalTime.of(9, 0), java.time.LocalTime.of(18, 0), java.util.Set.of(java.time.LocalDate.of(2027, 3, 29)));
    assertThat(java.time.Instant.parse((String) task.get("dueAt"))).isEqualTo(berlin.plus(routedAt, Duration.ofMinutes(5)));
  }
}
