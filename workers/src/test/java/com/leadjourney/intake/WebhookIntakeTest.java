package com.leadjourney.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.platform.HmacSignature;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intake webhooks are signed per source: a missing or wrong signature, or a source nobody set a
 * secret for, is 401 and stores nothing; the same delivery twice is one lead.
 */
class WebhookIntakeTest extends EmbeddedAppTest {

  private static final String BODY =
      """
      {"email":"form-fill@webhook-corp.com","firstName":"Fay","company":"Webhook Corp","consent":true,"campaign":"q4-typeform"}""";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> deliver(final String source, final String signature, final String deliveryId, final String body) {
    final var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (signature != null) {
      headers.set("X-Signature", signature);
    }
    if (deliveryId != null) {
      headers.set("X-Delivery-Id", deliveryId);
    }
    return http.postForEntity("/api/webhooks/" + source, new HttpEntity<>(body, headers), Map.class);
  }

  private static String signed(final String secret, final String body) {
    return HmacSignature.header(secret, body.getBytes(StandardCharsets.UTF_8));
  }

  private int stored() {
    return jdbc.queryForObject("select count(*) from leads where email = 'form-fill@webhook-corp.com'", Integer.class);
  }

  @Test
  void onlyASignedDeliveryFromAKnownSourceIsALeadAndOnlyOnce() {
    assertThat(deliver("typeform", null, "d-1", BODY).getStatusCode().value()).as("no signature").isEqualTo(401);
    assertThat(deliver("typeform", signed("guessed-secret", BODY), "d-1", BODY).getStatusCode().value()).as("wrong secret").isEqualTo(401);
    assertThat(deliver("typeform", signed(WEBHOOK_SOURCE_SECRET, BODY), "d-1", BODY.replace("Fay", "Mallory")).getStatusCode().value())
        .as("a body changed after signing").isEqualTo(401);
    final var unknown = deliver("unknown-tool", signed(WEBHOOK_SOURCE_SECRET, BODY), "d-1", BODY);
    assertThat(unknown.getStatusCode().value()).as("a source without a secret").isEqualTo(401);
    assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(stored()).as("nothing stored by a refused delivery").isZero();

    final var first = deliver("typeform", signed(WEBHOOK_SOURCE_SECRET, BODY), "d-1", BODY);
    assertThat(first.getStatusCode().value()).isEqualTo(202);
    final var again = deliver("typeform", signed(WEBHOOK_SOURCE_SECRET, BODY), "d-1", BODY);
    assertThat(again.getStatusCode().value()).isEqualTo(202);
    assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
    assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(stored()).as("the same delivery twice is one lead").isEqualTo(1);
    assertThat(jdbc.queryForObject("select source from leads where email = 'form-fill@webhook-corp.com'", String.class))
        .as("the webhook's source, when the body names none").isEqualTo("typeform");

    final String bad = BODY.replace("form-fill@webhook-corp.com", "not-an-email");
    final var invalid = deliver("typeform", signed(WEBHOOK_SOURCE_SECRET, bad), "d-2", bad);
    assertThat(invalid.getStatusCode().value()).isEqualTo(400);
    assertThat((String) invalid.getBody().get("detail")).contains("email");
    assertThat(deliver("typeform", signed(WEBHOOK_SOURCE_SECRET, BODY), null, BODY).getStatusCode().value()).as("no delivery id").isEqualTo(400);
  }
}
