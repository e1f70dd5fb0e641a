package com.leadjourney.contactintake;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.RawHttp;
import com.leadjourney.platform.HmacSignature;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intake webhooks are signed per source, over the time and the delivery id too: a missing, wrong or
 * stale signature (a captured delivery replayed later, or under another id), or a source nobody set
 * a secret for, is 401 and stores nothing; the same delivery twice is one lead. A body over the
 * limit is refused before it is read, however many arrive at once.
 */
class WebhookIntakeTest extends EmbeddedAppTest {

  private static final String BODY =
      """
      {"email":"form-fill@webhook-corp.com","firstName":"Fay","company":"Webhook Corp","consent":true,"campaign":"q4-typeform"}""";

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Value("${local.server.port}") int port;

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
    return signed(secret, Instant.now(), "d-1", body);
  }

  private static String signed(final String secret, final Instant at, final String deliveryId, final String body) {
    return HmacSignature.header(secret, at, deliveryId, body.getBytes(StandardCharsets.UTF_8));
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
    final var invalid = deliver("typeform", signed(WEBHOOK_SOURCE_SECRET, Instant.now(), "d-2", bad), "d-2", bad);
    assertThat(invalid.getStatusCode().value()).isEqualTo(400);
    assertThat((String) invalid.getBody().get("detail")).contains("email");
    assertThat(deliver("typeform", signed(WEBHOOK_SOURCE_SECRET, BODY), null, BODY).getStatusCode().value()).as("no delivery id").isEqualTo(400);
  }

  @Test
  void aCapturedDeliveryCannotBeReplayedLaterOrUnderAnotherId() {
    final String body = BODY.replace("form-fill@", "replayed@");
    final String captured = signed(WEBHOOK_SOURCE_SECRET, Instant.now(), "d-captured", body);
    assertThat(deliver("typeform", captured, "d-captured", body).getStatusCode().value()).isEqualTo(202);

    assertThat(deliver("typeform", captured, "d-new-id", body).getStatusCode().value()).as("the same signature under a new delivery id")
        .isEqualTo(401);
    final var stale = deliver("typeform", signed(WEBHOOK_SOURCE_SECRET, Instant.now().minus(Duration.ofMinutes(6)), "d-late", body), "d-late", body);
    assertThat(stale.getStatusCode().value()).as("signed six minutes ago").isEqualTo(401);
    assertThat((String) stale.getBody().get("detail")).contains("replayed delivery is refused");
    assertThat(deliver("typeform", "sha256=" + "0".repeat(64), "d-old-form", body).getStatusCode().value()).as("the old unsigned-time form")
        .isEqualTo(401);
    assertThat(jdbc.queryForObject("select count(*) from leads where email = 'replayed@webhook-corp.com'", Integer.class)).isEqualTo(1);
  }

  @Test
  void bodiesOverTheLimitAreRefusedBeforeTheyAreReadAndTheAppServesOn() throws Exception {
    final long heapBefore = heapAfterGc();
    final List<Future<RawHttp.Answer>> huge;
    try (var senders = Executors.newFixedThreadPool(4)) {
      huge = IntStream.range(0, 4).mapToObj(i -> senders.submit(() -> post(500L << 20, "huge-" + i, false))).toList();
      for (final var answer : huge) {
        System.out.printf("webhook of 500 MB answered %d after %d ms%n", answer.get().status(), answer.get().took().toMillis());
        assertThat(answer.get().status()).isEqualTo(413);
        assertThat(answer.get().took()).as("answered after %s", answer.get().took()).isLessThan(Duration.ofSeconds(2));
      }
    }
    final RawHttp.Answer chunked = post(3L << 20, "chunked", true);
    assertThat(chunked.status()).as("3 MB without a declared length, counted as it arrives").isEqualTo(413);
    assertThat(chunked.took()).isLessThan(Duration.ofSeconds(2));
    assertThat(heapAfterGc() - heapBefore).as("heap grown by (bytes)").isLessThan(64L << 20);

    final String body = BODY.replace("form-fill@", "after-the-flood@");
    assertThat(deliver("typeform", signed(WEBHOOK_SOURCE_SECRET, Instant.now(), "d-after", body), "d-after", body).getStatusCode().value())
        .as("the app serves on").isEqualTo(202);
  }

  private RawHttp.Answer post(final long length, final String deliveryId, final boolean chunked) throws Exception {
    return RawHttp.postZeros(port, "/api/webhooks/typeform", length, chunked,
        "X-Delivery-Id: " + deliveryId, "X-Signature: t=" + Instant.now().getEpochSecond() + ",v1=" + "0".repeat(64));
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
