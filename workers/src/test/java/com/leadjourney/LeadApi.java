package com.leadjourney;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The lead API as a caller uses it, signed in as the test admin. */
public record LeadApi(TestRestTemplate http) {

  public TestRestTemplate admin() {
    return http.withBasicAuth("admin", EmbeddedAppTest.ADMIN_PASSWORD);
  }

  /** The metrics exposition, read as Prometheus reads it. */
  public String scrape() {
    return http.withBasicAuth("prometheus", EmbeddedAppTest.METRICS_PASSWORD).getForObject("/actuator/prometheus", String.class);
  }

  @SuppressWarnings("rawtypes")
  public ResponseEntity<Map> post(final String json, final String idempotencyKey) {
    final var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return admin().postForEntity("/api/leads", new HttpEntity<>(json, headers), Map.class);
  }

  /** Posts a lead and returns its id. */
  public String accept(final String json) {
    return (String) post(json, null).getBody().get("id");
  }

  public Map<?, ?> lead(final Object id) {
    return admin().getForObject("/api/leads/" + id, Map.class);
  }

  /** A team working around the clock in UTC that takes the leads of one country. */
  public void putTeam(final String id, final String function, final String country, final String manager, final List<Map<String, Object>> members) {
    final Map<String, Object> team = new HashMap<>(Map.of(
        "name", "Team " + id, "function", function, "isDefault", false, "manager", manager, "members", members,
        "territories", List.of(Map.of("rank", 0, "country", country))));
    team.putAll(Map.of("timeZone", "UTC", "workDays", "MON,TUE,WED,THU,FRI,SAT,SUN", "opens", "00:00", "closes", "00:00"));
    members.forEach(m -> ensureUser((String) m.get("username"), "AE".equalsIgnoreCase(function) ? "AE" : "XDR"));
    final var response = admin().exchange("/api/teams/" + id, HttpMethod.PUT, new HttpEntity<>(team), Map.class);
    assertThat(response.getStatusCode().is2xxSuccessful()).as("team %s: %s", id, response.getBody()).isTrue();
  }

  /** The app refuses members it does not know (a typo would route leads to nobody): a test's people get accounts first. */
  @SuppressWarnings("unchecked")
  public void ensureUser(final String username, final String role) {
    final List<Map<String, Object>> users = admin().getForObject("/api/users", List.class);
    if (users.stream().noneMatch(u -> username.equals(u.get("username")))) {
      final var created = admin().postForEntity("/api/users", Map.of("username", username, "roles", List.of(role)), Map.class);
      assertThat(created.getStatusCode()).as("user %s: %s", username, created.getBody()).isEqualTo(HttpStatus.CREATED);
    }
  }

  /** A team member taking leads; {@code maxOpen} null for no cap. */
  public static Map<String, Object> member(final String username, final Integer maxOpen) {
    final Map<String, Object> member = new HashMap<>(Map.of("username", username, "weight", 1, "active", true));
    if (maxOpen != null) {
      member.put("maxOpen", maxOpen);
    }
    return member;
  }
}
