package com.leadjourney.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyDriver;
import com.leadjourney.JourneyTest;
import com.leadjourney.LeadApi;
import com.leadjourney.security.UserAccounts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A task is in its team's queue (nobody's: a member takes it) or assigned (only the assignee or the
 * team's manager works it), through the API, both ways; the first-touch credit is the assignee's.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class TaskOwnershipTest extends JourneyTest {

  @Autowired UserAccounts accounts;
  @Autowired Clock clock;

  @Test
  void anAssignedTaskIsWorkedOnlyByItsAssigneeUntilTheyHandItBackToTheQueue() {
    final var driver = driver();
    final String lead = driver.lead("cto@ownership-corp.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final var task = driver.awaitTask(lead, "xdr-handoff");
    final String holder = (String) task.get("assignee");
    final String teammate = "xdr-ada".equals(holder) ? "xdr-grace" : "xdr-ada";
    final TestRestTemplate asHolder = as(holder, "XDR");
    final TestRestTemplate asTeammate = as(teammate, "XDR");
    final String path = "/api/tasks/" + task.get("userTaskKey");
    final int holderHeld = openAssignments(holder);
    final int teammateHeld = openAssignments(teammate);

    final var touchByTeammate = asTeammate.postForEntity(path + "/touches", Map.of("kind", "call"), Map.class);
    assertThat(touchByTeammate.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) touchByTeammate.getBody().get("detail")).contains("assigned to " + holder);
    assertThat(asTeammate.postForEntity(path + "/completion", Map.of("outcome", "disqualify", "reason", "no-budget"), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(asTeammate.exchange(path + "/assignment", HttpMethod.DELETE, null, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(asTeammate.postForEntity(path + "/claim", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(driver.timelineTypes(lead)).as("nothing the teammate tried was recorded").doesNotContain("TOUCH_LOGGED", "SLA_MET");

    assertThat(asHolder.postForEntity(path + "/touches", Map.of("kind", "call", "note", "left a voicemail"), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(driver.detailOf(lead, "SLA_MET")).as("the credit is the assignee's").contains("first touch in time by " + holder);

    final var handedBack = asHolder.exchange(path + "/assignment", HttpMethod.DELETE, null, Map.class);
    assertThat(handedBack.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(handedBack.getBody().get("assignee")).isNull();
    assertThat(openAssignments(holder)).as("the holder's cap slot is free again").isEqualTo(holderHeld - 1);
    final var beforeTaking = asTeammate.postForEntity(path + "/touches", Map.of("kind", "email"), Map.class);
    assertThat(beforeTaking.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat((String) beforeTaking.getBody().get("detail")).contains("take it first");
    assertThat(asTeammate.getForObject("/api/tasks?assignee=none", List.class)).as("the team queue")
        .extracting(t -> ((Map) t).get("userTaskKey")).contains(task.get("userTaskKey"));

    final var taken = asTeammate.postForEntity(path + "/claim", null, Map.class);
    assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(taken.getBody().get("assignee")).isEqualTo(teammate);
    assertThat(openAssignments(teammate)).isEqualTo(teammateHeld + 1);
    assertThat(asHolder.postForEntity(path + "/completion", Map.of("outcome", "meeting-booked"), Map.class).getStatusCode())
        .as("the former holder").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(asTeammate.postForEntity(path + "/completion", Map.of("outcome", "meeting-booked"), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(openAssignments(teammate)).as("completing frees the slot").isEqualTo(teammateHeld);
  }

  @Test
  void aMeetingBookedWithNoTouchLoggedCountsAsTheFirstTouch() {
    final var driver = driver();
    final String lead = driver.lead("cmo@straight-to-meeting.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final var task = driver.awaitTask(lead, "xdr-handoff");
    final String holder = (String) task.get("assignee");

    assertThat(as(holder, "XDR").postForEntity("/api/tasks/" + task.get("userTaskKey") + "/completion", Map.of("outcome", "meeting-booked"), Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(driver.detailOf(lead, "TOUCH_LOGGED")).isEqualTo("meeting by " + holder + ": logged with the outcome meeting-booked");
    assertThat(driver.detailOf(lead, "SLA_MET")).as("the SLA result and speed-to-lead are not lost")
        .contains("first touch in time by " + holder, "speed-to-lead");
  }

  @Test
  void aLeadNobodyCanTakeWaitsInTheTeamQueueForAMemberOrTheManager() {
    api().putTeam("xdr-fjord", "xdr", "IS", "fjord-manager", List.of(LeadApi.member("fjord-away", null), LeadApi.member("fjord-full", 0)));
    assertThat(api().admin().postForEntity("/api/out-of-office", Map.of("username", "fjord-away",
        "startsAt", clock.instant().minus(Duration.ofDays(1)).toString(), "endsAt", clock.instant().plus(Duration.ofDays(30)).toString(),
        "reason", "holiday"), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    final var driver = driver();
    final String lead = api().accept("""
        {"email":"ceo@fjord-corp.is","consent":true,"company":"Fjord Corp","country":"IS","source":"webinar","campaign":"webinar-q3",
         "profile":%s}""".formatted(JourneyDriver.STRONG_FIT));
    driver.passEnrichmentWindow(lead);
    final var task = driver.awaitTask(lead, "xdr-handoff");
    assertThat(task.get("assignee")).as("the manager is alerted, not given it").isNull();
    assertThat(driver.detailOf(lead, "ROUTING_ALERT")).contains("fjord-manager alerted");
    final String path = "/api/tasks/" + task.get("userTaskKey");
    final TestRestTemplate manager = as("fjord-manager", "MANAGER");

    final ResponseEntity<Map> toAbsent = manager.postForEntity(path + "/assignment", Map.of("assignee", "fjord-away"), Map.class);
    assertThat(toAbsent.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat((String) toAbsent.getBody().get("detail")).contains("in-office");
    assertThat(as("xdr-ada", "XDR").postForEntity(path + "/claim", null, Map.class).getStatusCode())
        .as("a member of another team").isEqualTo(HttpStatus.FORBIDDEN);

    final var given = manager.postForEntity(path + "/assignment", Map.of("assignee", "fjord-full"), Map.class);
    assertThat(given.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(given.getBody().get("assignee")).isEqualTo("fjord-full");
    assertThat(driver.openTasks(lead, "xdr-handoff")).singleElement().satisfies(t -> assertThat(t.get("assignee")).isEqualTo("fjord-full"));
  }

  private TestRestTemplate as(final String username, final String role) {
    return http.withBasicAuth(username, accounts.create(username, List.of(role)));
  }

  private int openAssignments(final String username) {
    final List<Map<String, Object>> teams = api().admin().getForObject("/api/teams", List.class);
    return teams.stream().filter(t -> "xdr".equals(t.get("id"))).flatMap(t -> ((List<Map<String, Object>>) t.get("members")).stream())
        .filter(m -> username.equals(m.get("username"))).map(m -> ((Number) m.get("open_assignments")).intValue()).findFirst().orElseThrow();
  }

}
