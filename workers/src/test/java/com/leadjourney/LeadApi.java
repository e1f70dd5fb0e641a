package com.leadjourney;

import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
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
}
