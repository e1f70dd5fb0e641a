package com.leadjourney.security;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Every area of the API against every role: the designed allow/deny (403 for a role that does not
 * work there, 401 without credentials; a page sends the anonymous to sign in), and the team boundary inside the task area — an XDR of
 * another team can neither see nor touch a task by its id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends JourneyTest {

  private static final List<String> ROLES = List.of("ADMIN", "DESIGNER", "XDR", "AE", "MANAGER", "MARKETING", "SALES", "LEADERSHIP", "INTEGRATION");
  private static final Set<String> EVERYONE = Set.copyOf(ROLES);

  /** method, path, body (null: none; a String: CSV), the roles designed to work there. */
  private record Endpoint(HttpMethod method, String path, Object body, Set<String> allowed) {}

  private static final List<Endpoint> DESIGN = List.of(
      new Endpoint(HttpMethod.GET, "/api/leads/00000000-0000-0000-0000-000000000000", null, EVERYONE),
      new Endpoint(HttpMethod.POST, "/api/leads", Map.of(), Set.of("INTEGRATION", "MARKETING", "ADMIN")),
      new Endpoint(HttpMethod.POST, "/api/leads/00000000-0000-0000-0000-000000000000/engagements", Map.of(), Set.of("INTEGRATION", "MARKETING", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/api/leads/00000000-0000-0000-0000-000000000000/qualification", null, EVERYONE),
      new Endpoint(HttpMethod.GET, "/api/tasks", null, Set.of("XDR", "AE", "MANAGER", "ADMIN")),
      new Endpoint(HttpMethod.POST, "/api/tasks/1/touches", Map.of("kind", "call"), Set.of("XDR", "AE", "MANAGER", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/api/opportunities?leadId=x", null, Set.of("AE", "MANAGER", "SALES", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/api/teams", null, Set.of("XDR", "AE", "MANAGER", "ADMIN")),
      new Endpoint(HttpMethod.PUT, "/api/teams/matrix-team", Map.of(), Set.of("MANAGER", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/api/accounts/none", null, Set.of("MANAGER", "MARKETING", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/api/definitions", null, Set.of("MARKETING", "SALES", "LEADERSHIP", "ADMIN")),
      new Endpoint(HttpMethod.POST, "/api/definitions", Map.of(), Set.of("MARKETING", "SALES", "ADMIN")),
      new Endpoint(HttpMethod.POST, "/api/imports/preview", "nope\n", Set.of("MARKETING", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/api/programs/return?quarter=2026-Q4", null, Set.of("MARKETING", "SALES", "LEADERSHIP", "ADMIN")),
      new Endpoint(HttpMethod.PUT, "/api/campaigns/matrix", Map.of(), Set.of("MARKETING", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/api/cadence-reviews/weekly", null, Set.of("LEADERSHIP", "MARKETING", "SALES", "MANAGER", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/reviews/weekly", null, Set.of("LEADERSHIP", "MARKETING", "SALES", "MANAGER", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/inbox", null, Set.of("XDR", "AE", "MANAGER", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/marketing/imports", null, Set.of("MARKETING", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/leads/00000000-0000-0000-0000-000000000000", null, EVERYONE),
      new Endpoint(HttpMethod.POST, "/api/tasks/1/assignment", Map.of("assignee", "x"), Set.of("XDR", "AE", "MANAGER", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/api/processes", null, Set.of("DESIGNER", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/api/incidents", null, Set.of("DESIGNER", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/api/users", null, Set.of("ADMIN")),
      new Endpoint(HttpMethod.GET, "/api/notifications", null, EVERYONE),
      new Endpoint(HttpMethod.GET, "/api/tokens", null, EVERYONE),
      new Endpoint(HttpMethod.GET, "/tokens", null, EVERYONE),
      new Endpoint(HttpMethod.GET, "/team", null, Set.of("MANAGER", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/designer", null, Set.of("DESIGNER", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/marketing", null, Set.of("MARKETING", "SALES", "LEADERSHIP", "ADMIN")),
      new Endpoint(HttpMethod.GET, "/opportunities/00000000-0000-0000-0000-000000000000", null, Set.of("AE", "MANAGER", "SALES", "ADMIN")));

  @Autowired UserAccounts accounts;
  private final Map<String, String> passwords = new HashMap<>();

  @BeforeAll
  void onePersonPerRole() {
    ROLES.forEach(role -> passwords.put(role, accounts.create("matrix-" + role.toLowerCase(), List.of(role))));
  }

  private int status(final String role, final Endpoint e) {
    final var client = role == null ? http : http.withBasicAuth("matrix-" + role.toLowerCase(), passwords.get(role));
    final var headers = new HttpHeaders();
    headers.setContentType(e.body() instanceof String ? MediaType.valueOf("text/csv") : MediaType.APPLICATION_JSON);
    return client.exchange(e.path(), e.method(), new HttpEntity<>(e.body(), headers), String.class).getStatusCode().value();
  }

  @Test
  void everyEndpointAnswersEveryRoleAsDesigned() {
    final List<String> wrong = new ArrayList<>();
    for (final Endpoint e : DESIGN) {
      if (e.path().startsWith("/api/")) {
        final int anonymous = status(null, e);
        if (anonymous != 401) {
          wrong.add("anonymous " + e.method() + " " + e.path() + " → " + anonymous);
        }
      } else {
        final var page = http.getForEntity(e.path(), String.class); // redirects are followed, as a browser does
        if (page.getBody() == null || !page.getBody().contains("action=\"/login\"")) {
          wrong.add("anonymous " + e.path() + " did not land on the sign-in page");
        }
      }
      for (final String role : ROLES) {
        final int status = status(role, e);
        final boolean allowed = status != 401 && status != 403;
        if (allowed != e.allowed().contains(role)) {
          wrong.add(role + " " + e.method() + " " + e.path() + " → " + status + (e.allowed().contains(role) ? " (should be allowed)" : " (should be 403)"));
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
}
