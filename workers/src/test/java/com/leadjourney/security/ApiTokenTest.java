package com.leadjourney.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A script calls the API with a personal token instead of a password, with its owner's roles, until it is revoked. */
class ApiTokenTest extends JourneyTest {

  @Autowired UserAccounts accounts;

  private ResponseEntity<String> withToken(final String token, final HttpMethod method, final String path) {
    final var headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return http.exchange(path, method, new HttpEntity<>(headers), String.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aTokenActsWithItsOwnersRolesUntilRevoked() {
    final var owner = http.withBasicAuth("token-tess", accounts.create("token-tess", List.of("XDR")));
    final var issued = owner.postForEntity("/api/tokens", Map.of("name", "crm sync", "days", 30), Map.class);
    assertThat(issued.getStatusCode().value()).isEqualTo(201);
    final String token = (String) issued.getBody().get("token");
    assertThat(token).startsWith("ljt_").hasSizeGreaterThan(40);

    assertThat(withToken(token, HttpMethod.GET, "/api/tasks").getStatusCode().value()).as("an XDR's area").isEqualTo(200);
    assertThat(withToken(token, HttpMethod.GET, "/api/users").getStatusCode().value()).as("not an XDR's area").isEqualTo(403);
    final List<Map<String, Object>> listed = owner.getForObject("/api/tokens", List.class);
    assertThat(listed).singleElement().satisfies(t -> {
      assertThat(t).containsEntry("name", "crm sync").doesNotContainKey("token");
      assertThat(t.get("lastUsedAt")).as("use is recorded").isNotNull();
    });
    assertThat(http.withBasicAuth("token-other", accounts.create("token-other", List.of("XDR")))
        .exchange("/api/tokens/" + listed.get(0).get("id"), HttpMethod.DELETE, null, String.class).getStatusCode().value())
        .as("someone else's token cannot be revoked").isEqualTo(404);

    assertThat(owner.exchange("/api/tokens/" + listed.get(0).get("id"), HttpMethod.DELETE, null, String.class).getStatusCode().value()).isEqualTo(204);
    final var refused = withToken(token, HttpMethod.GET, "/api/tasks");
    assertThat(refused.getStatusCode().value()).isEqualTo(401);
    assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(refused.getBody()).contains("API token");
    assertThat(withToken("ljt_made-up", HttpMethod.GET, "/api/tasks").getStatusCode().value()).isEqualTo(401);
    assertThat(owner.postForEntity("/api/tokens", Map.of("name", ""), String.class).getStatusCode().value()).isEqualTo(400);
    assertThat(owner.postForEntity("/api/tokens", Map.of("name", "forever", "days", 5000), String.class).getStatusCode().value()).isEqualTo(400);
  }
}
