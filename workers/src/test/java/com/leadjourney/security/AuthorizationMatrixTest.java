package com.leadjourney.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.JourneyDriver;
import com.leadjourney.JourneyTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Every area of the API against every role, each answer exact: the status a role designed to work
 * there gets (200, or the 400/422 of a deliberately bad body: past the role check, stopped by
 * validation), 403 for every other role, 401 without credentials (a page sends the anonymous to sign
 * in). Real lead and task ids, so "not found" never passes for "allowed". And the boundaries inside an
 * area: an XDR of another team and a manager of another team get 403 on a task, a team, an absence or
 * someone's notifications.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends JourneyTest {

  private static final List<String> ROLES =
      List.of("ADMIN", "DESIGNER", "XDR", "AE", "MANAGER", "MARKETING", "SALES", "LEADERSHIP", "INTEGRATION", "METRICS", "PRIVACY");
  private static final Set<String> EVERYONE = Set.copyOf(ROLES);

  /** method, path ({lead}, {task} filled in), body (null: none; a String: CSV), the roles designed to work there and what they get. */
  private record Endpoint(HttpMethod method, String path, Object body, Set<String> allowed, int allowedStatus) {}

  private static Endpoint endpoint(final HttpMethod method, final String path, final Object body, final Set<String> allowed, final int status) {
    return new Endpoint(method, path, body, allowed, status);
  }

  private static final Set<String> WORKERS = Set.of("XDR", "AE", "MANAGER", "ADMIN");
  private static final List<Endpoint> DESIGN = List.of(
      endpoint(HttpMethod.GET, "/api/leads/{lead}", null, EVERYONE, 200),
      endpoint(HttpMethod.POST, "/api/leads", Map.of(), Set.of("INTEGRATION", "MARKETING", "ADMIN"), 400),
      endpoint(HttpMethod.POST, "/api/leads/{lead}/engagements", Map.of(), Set.of("INTEGRATION", "MARKETING", "ADMIN"), 400),
      endpoint(HttpMethod.GET, "/api/leads/{lead}/qualification", null, EVERYONE, 200),
      endpoint(HttpMethod.POST, "/api/leads/no-such-lead/erasure", null, Set.of("PRIVACY", "ADMIN"), 404),
      endpoint(HttpMethod.GET, "/api/tasks", null, WORKERS, 200),
      // The task is the default XDR team's: the role's generic people are in no team, so only the admin works it.
      endpoint(HttpMethod.POST, "/api/tasks/{task}/touches", Map.of("kind", "note", "note", "matrix"), Set.of("ADMIN"), 200),
      endpoint(HttpMethod.POST, "/api/tasks/{task}/assignment", Map.of("assignee", "nobody-at-all"), Set.of("ADMIN"), 422),
      endpoint(HttpMethod.GET, "/api/opportunities?leadId={lead}", null, Set.of("AE", "MANAGER", "SALES", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/api/teams", null, WORKERS, 200),
      endpoint(HttpMethod.GET, "/api/out-of-office", null, WORKERS, 200),
      endpoint(HttpMethod.PUT, "/api/teams/matrix-{role}", null, Set.of("MANAGER", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/api/accounts/none", null, Set.of("MANAGER", "MARKETING", "ADMIN"), 404),
      endpoint(HttpMethod.GET, "/api/definitions", null, Set.of("MARKETING", "SALES", "LEADERSHIP", "ADMIN"), 200),
      endpoint(HttpMethod.POST, "/api/definitions", Map.of(), Set.of("MARKETING", "SALES", "ADMIN"), 400),
      endpoint(HttpMethod.POST, "/api/imports/preview", "nope\n", Set.of("MARKETING", "ADMIN"), 400),
      endpoint(HttpMethod.GET, "/api/imports", null, Set.of("MARKETING", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/api/event-subscriptions", null, Set.of("ADMIN"), 200),
      endpoint(HttpMethod.POST, "/api/definitions/suggestions?holdout=0.9", null, Set.of("MARKETING", "SALES", "ADMIN"), 400),
      endpoint(HttpMethod.GET, "/api/definition-suggestions/none", null, Set.of("MARKETING", "SALES", "LEADERSHIP", "ADMIN"), 404),
      endpoint(HttpMethod.GET, "/api/programs/return?quarter=2026-Q4", null, Set.of("MARKETING", "SALES", "LEADERSHIP", "ADMIN"), 200),
      endpoint(HttpMethod.PUT, "/api/campaigns/matrix", Map.of(), Set.of("MARKETING", "ADMIN"), 400),
      endpoint(HttpMethod.GET, "/api/cadence-reviews/weekly", null, Set.of("LEADERSHIP", "MARKETING", "SALES", "MANAGER", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/api/measures/quarterly", null, Set.of("LEADERSHIP", "MARKETING", "SALES", "MANAGER", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/api/processes", null, Set.of("DESIGNER", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/api/incidents", null, Set.of("DESIGNER", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/api/users", null, Set.of("ADMIN"), 200),
      endpoint(HttpMethod.POST, "/api/users", Map.of(), Set.of("ADMIN"), 400),
      endpoint(HttpMethod.GET, "/api/notifications", null, EVERYONE, 200),
      endpoint(HttpMethod.GET, "/api/tokens", null, EVERYONE, 200),
      endpoint(HttpMethod.POST, "/api/tokens", Map.of("name", ""), EVERYONE, 400),
      endpoint(HttpMethod.GET, "/api/audit?subjectType=task&subjectId=1", null, Set.of("ADMIN"), 200),
      endpoint(HttpMethod.GET, "/actuator/prometheus", null, Set.of("METRICS", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/reviews/weekly", null, Set.of("LEADERSHIP", "MARKETING", "SALES", "MANAGER", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/inbox", null, WORKERS, 200),
      endpoint(HttpMethod.GET, "/marketing/imports", null, Set.of("MARKETING", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/leads/{lead}", null, EVERYONE, 200),
      endpoint(HttpMethod.GET, "/tokens", null, EVERYONE, 200),
      endpoint(HttpMethod.GET, "/team", null, Set.of("MANAGER", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/designer", null, Set.of("DESIGNER", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/marketing", null, Set.of("MARKETING", "SALES", "LEADERSHIP", "ADMIN"), 200),
      endpoint(HttpMethod.GET, "/opportunities/00000000-0000-0000-0000-000000000000", null, Set.of("AE", "MANAGER", "SALES", "ADMIN"), 404));

  @Autowired UserAccounts accounts;
  private final Map<String, String> passwords = new HashMap<>();
  private String lead;
  private String task;

  @BeforeAll
  void onePersonPerRoleAndALeadWithItsTask() {
    ROLES.forEach(role -> passwords.put(role, accounts.create("matrix-" + role.toLowerCase(), List.of(role))));
    accounts.create("matrix-member", List.of("XDR")); // a team's members must be people the app knows
    final var driver = driver();
    lead = driver.lead("cfo@matrix-co.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    task = String.valueOf(driver.awaitTask(lead, "xdr-handoff").get("userTaskKey"));
  }

  private int status(final String role, final Endpoint e) {
    final var client = role == null ? http : http.withBasicAuth("matrix-" + role.toLowerCase(), passwords.get(role));
    final var headers = new HttpHeaders();
    headers.setContentType(e.body() instanceof String ? MediaType.valueOf("text/csv") : MediaType.APPLICATION_JSON);
    final Object body = e.path().startsWith("/api/teams/") ? matrixTeam(role) : e.body();
    return client.exchange(path(e, role), e.method(), new HttpEntity<>(body, headers), String.class).getStatusCode().value();
  }

  private String path(final Endpoint e, final String role) {
    return e.path().replace("{lead}", lead).replace("{task}", task).replace("{role}", role == null ? "anyone" : role.toLowerCase());
  }

  /** A valid team the caller would run (a manager creates only teams they manage). */
  private static Map<String, Object> matrixTeam(final String role) {
    return Map.of("name", "Matrix", "function", "xdr", "isDefault", false, "manager", "matrix-" + (role == null ? "anyone" : role.toLowerCase()),
        "timeZone", "UTC", "workDays", "MON,TUE,WED,THU,FRI", "opens", "09:00", "closes", "17:00",
        "members", List.of(Map.of("username", "matrix-member", "weight", 1, "active", false)));
  }

  @Test
  void everyEndpointAnswersEveryRoleExactlyAsDesigned() {
    final List<String> wrong = new ArrayList<>();
    for (final Endpoint e : DESIGN) {
      if (e.path().startsWith("/api/") || e.path().startsWith("/actuator/")) {
        final int anonymous = status(null, e);
        if (anonymous != 401) {
          wrong.add("anonymous " + e.method() + " " + e.path() + " → " + anonymous + " (should be 401)");
        }
      } else {
        final var page = http.getForEntity(path(e, null), String.class); // redirects are followed, as a browser does
        if (page.getBody() == null || !page.getBody().contains("action=\"/login\"")) {
          wrong.add("anonymous " + e.path() + " did not land on the sign-in page");
        }
      }
      for (final String role : ROLES) {
        final int expected = e.allowed().contains(role) ? e.allowedStatus() : 403;
        final int status = status(role, e);
        if (status != expected) {
          wrong.add(role + " " + e.method() + " " + e.path() + " → " + status + " (should be " + expected + ")");
        }
      }
    }
    assertThat(wrong).as("answers that differ from the design").isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anXdrOfAnotherTeamCanNeitherSeeNorTouchATaskByItsId() {
    final var driver = driver();
    final String lead = driver.lead("cto@matrix-team.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final var task = driver.awaitTask(lead, "xdr-handoff");
    final String assignee = (String) task.get("assignee");
    final String mine = accounts.create(assignee, List.of("XDR"));
    final String outsider = accounts.create("xdr-outsider-oscar", List.of("XDR"));
    api().admin().exchange("/api/teams/xdr-antarctica", HttpMethod.PUT, new HttpEntity<>(Map.of(
        "name", "Antarctica", "function", "xdr", "isDefault", false, "timeZone", "UTC", "workDays", "MON,TUE,WED,THU,FRI",
        "opens", "00:00", "closes", "00:00", "members", List.of(Map.of("username", "xdr-outsider-oscar", "weight", 1, "active", true)),
        "territories", List.of(Map.of("rank", 0, "country", "AQ")))), Map.class);

    final var asOutsider = http.withBasicAuth("xdr-outsider-oscar", outsider);
    final List<Map<String, Object>> seen = asOutsider.getForObject("/api/tasks?stage=xdr-handoff", List.class);
    assertThat(seen).extracting(t -> t.get("userTaskKey")).doesNotContain(task.get("userTaskKey"));
    final var touch = asOutsider.postForEntity("/api/tasks/" + task.get("userTaskKey") + "/touches", Map.of("kind", "call"), Map.class);
    assertThat(touch.getStatusCode().value()).isEqualTo(403);
    assertThat((String) touch.getBody().get("detail")).contains("another team's queue");
    assertThat(asOutsider.postForEntity("/api/tasks/" + task.get("userTaskKey") + "/completion", Map.of("outcome", "meeting-booked"), Map.class)
        .getStatusCode().value()).isEqualTo(403);

    final var asAssignee = http.withBasicAuth(assignee, mine);
    assertThat((List<Map<String, Object>>) asAssignee.getForObject("/api/tasks?stage=xdr-handoff", List.class))
        .extracting(t -> t.get("userTaskKey")).contains(task.get("userTaskKey"));
    // The team's queue: a teammate and the team's manager see it too.
    final String teammate = "xdr-ada".equals(assignee) ? "xdr-grace" : "xdr-ada";
    for (final var colleague : List.of(List.of(teammate, "XDR"), List.of("manager-mia", "MANAGER"))) {
      final var as = http.withBasicAuth(colleague.get(0), accounts.create(colleague.get(0), List.of(colleague.get(1))));
      assertThat((List<Map<String, Object>>) as.getForObject("/api/tasks", List.class)).as(colleague.get(0))
          .extracting(t -> t.get("userTaskKey")).contains(task.get("userTaskKey"));
    }
    assertThat(asAssignee.postForEntity("/api/tasks/" + task.get("userTaskKey") + "/touches", Map.of("kind", "call"), Map.class)
        .getStatusCode().value()).isEqualTo(200);

    // The decision is on the lead's audit trail: who, what, before → after.
    assertThat(asAssignee.postForEntity("/api/tasks/" + task.get("userTaskKey") + "/completion",
        Map.of("outcome", "recycle", "reason", "no-response", "objections", "voicemail only"), Map.class).getStatusCode().value()).isEqualTo(200);
    final List<Map<String, Object>> trail = asAssignee.getForObject("/api/leads/" + lead + "/audit", List.class);
    assertThat(trail).filteredOn(e -> "task.completed".equals(e.get("action"))).singleElement().satisfies(e -> {
      assertThat(e).containsEntry("actor", assignee).containsEntry("subjectId", String.valueOf(task.get("userTaskKey")));
      assertThat((Map<String, Object>) e.get("before")).containsEntry("state", "open").containsEntry("assignee", assignee);
      assertThat((Map<String, Object>) e.get("after")).containsEntry("outcome", "recycle").containsEntry("reason", "no-response")
          .containsEntry("objections", "voicemail only");
    });
    assertThat(asOutsider.getForEntity("/api/audit?subjectType=task&subjectId=1", String.class).getStatusCode().value())
        .as("the whole trail is for admins").isEqualTo(403);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aManagerRunsTheirOwnTeamsOnly() {
    final var alice = http.withBasicAuth("manager-alice", accounts.create("manager-alice", List.of("MANAGER")));
    final var bob = http.withBasicAuth("manager-bob", accounts.create("manager-bob", List.of("MANAGER")));
    List.of("xdr-anna", "xdr-bert").forEach(member -> api().ensureUser(member, "XDR"));
    assertThat(alice.exchange("/api/teams/team-a", HttpMethod.PUT, new HttpEntity<>(team("manager-alice", "xdr-anna")), Map.class)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(bob.exchange("/api/teams/team-b", HttpMethod.PUT, new HttpEntity<>(team("manager-bob", "xdr-bert")), Map.class)
        .getStatusCode().value()).isEqualTo(200);

    assertThat(alice.exchange("/api/teams/team-b", HttpMethod.PUT, new HttpEntity<>(team("manager-alice", "xdr-anna")), Map.class)
        .getStatusCode().value()).as("taking over another manager's team").isEqualTo(403);
    assertThat(alice.exchange("/api/teams/team-c", HttpMethod.PUT, new HttpEntity<>(team("manager-bob", "xdr-bert")), Map.class)
        .getStatusCode().value()).as("creating a team for someone else").isEqualTo(403);
    final var defaultTeam = new HashMap<>(team("manager-alice", "xdr-anna"));
    defaultTeam.put("isDefault", true);
    assertThat(alice.exchange("/api/teams/team-a", HttpMethod.PUT, new HttpEntity<>(defaultTeam), Map.class).getStatusCode().value())
        .as("taking the default (every unmatched lead) from the default team's manager").isEqualTo(403);

    final var away = Map.of("username", "xdr-bert", "startsAt", "2030-01-01T00:00:00Z", "endsAt", "2030-01-02T00:00:00Z");
    assertThat(alice.postForEntity("/api/out-of-office", away, Map.class).getStatusCode().value()).as("another team's absence").isEqualTo(403);
    assertThat(bob.postForEntity("/api/out-of-office", away, Map.class).getStatusCode().value()).isEqualTo(201);
    final List<Map<String, Object>> absences = bob.getForObject("/api/out-of-office", List.class);
    final Object id = absences.stream().filter(a -> "xdr-bert".equals(a.get("username"))).findFirst().orElseThrow().get("id");
    assertThat(alice.getForObject("/api/out-of-office", List.class)).as("alice sees her teams' absences only")
        .noneMatch(a -> "xdr-bert".equals(((Map<String, Object>) a).get("username")));
    assertThat(alice.exchange("/api/out-of-office/" + id, HttpMethod.DELETE, null, String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(bob.exchange("/api/out-of-office/" + id, HttpMethod.DELETE, null, String.class).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  @SuppressWarnings("unchecked")
  void notificationsAreTheirRecipientsAndTheirManagers() {
    final var driver = driver();
    final String lead = driver.lead("vp@matrix-notify.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final String assignee = (String) driver.awaitTask(lead, "xdr-handoff").get("assignee");
    engine.advanceClock(java.time.Duration.ofHours(3)); // the warm lead's reminder falls due
    await().atMost(java.time.Duration.ofSeconds(60))
        .until(() -> !api().admin().getForObject("/api/notifications?recipient=" + assignee, List.class).isEmpty());
    final Map<String, Object> theirs = (Map<String, Object>) api().admin().getForObject("/api/notifications?recipient=" + assignee, List.class).get(0);

    final var outsider = http.withBasicAuth("xdr-nosy", accounts.create("xdr-nosy", List.of("XDR")));
    assertThat(outsider.getForEntity("/api/notifications?recipient=" + assignee, String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(outsider.postForEntity("/api/notifications/" + theirs.get("id") + "/read", null, String.class).getStatusCode().value())
        .as("someone else's notification is not theirs to find").isEqualTo(404);
    final var manager = http.withBasicAuth("manager-mia", accounts.create("manager-mia", List.of("MANAGER")));
    assertThat(manager.getForEntity("/api/notifications?recipient=" + assignee, String.class).getStatusCode().value())
        .as("the manager of the XDR's team").isEqualTo(200);
    final var owner = http.withBasicAuth(assignee, accounts.create(assignee, List.of("XDR")));
    assertThat(owner.postForEntity("/api/notifications/" + theirs.get("id") + "/read", null, Map.class).getBody()).containsKey("read_at");
  }

  private static Map<String, Object> team(final String manager, final String member) {
    return Map.of("name", "Team of " + manager, "function", "xdr", "isDefault", false, "manager", manager, "timeZone", "UTC",
        "workDays", "MON,TUE,WED,THU,FRI", "opens", "09:00", "closes", "17:00",
        "members", List.of(Map.of("username", member, "weight", 1, "active", false)));
  }
}
