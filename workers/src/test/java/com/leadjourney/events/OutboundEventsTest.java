package com.leadjourney.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.JourneyDriver;
import com.leadjourney.JourneyTest;
import com.leadjourney.platform.HmacSignature;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A CRM subscribed to the journey's events, over real HTTP: a lead walked from intake to customer
 * arrives as CloudEvents, each id once, in the order the changes were committed, each verifiable
 * with the subscription's secret and shaped as its type's schema says. With the receiver down for
 * a minute nothing is lost: the deliveries wait, back off, and arrive in order once it is back.
 */
class OutboundEventsTest extends JourneyTest {

  private static final String SECRET = "crm-sync-secret-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One POST as the receiver saw it. */
  record Received(String id, String type, String subject, String body, String signature) {}

  @Autowired JdbcTemplate jdbc;

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final int port = EmbeddedAppTest.freePort();
  private HttpServer receiver;

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void aLeadWalkedToCustomerArrivesAsSignedCloudEventsOncePerIdInOrderAndADownReceiverLosesNothing() throws Exception {
    startReceiver();
    subscribe("crm-sync");
    final var driver = driver();
    final String leadId = driver.lead("buyer@events-crm.com", "webinar", "webinar-q4", JourneyDriver.STRONG_FIT);
    final var sql = driver.sqlAwaitingAcceptance(leadId);
    driver.complete(sql, Map.of("outcome", "accepted"));
    driver.updateOpportunity(driver.awaitOpportunity(leadId), Map.of("stage", "closed-won", "amount", 42000));
    driver.awaitClosed(leadId, "customer");

    await().atMost(Duration.ofSeconds(30)).until(() -> idsOf(leadId).size() == outbox(leadId).size());
    assertThat(idsOf(leadId)).as("in the order the changes were committed").isEqualTo(outbox(leadId));
    assertThat(idsOf(leadId)).as("each event once").doesNotHaveDuplicates();
    assertThat(typesOf(leadId)).contains(
        "com.leadjourney.lead.created", "com.leadjourney.lead.qualified", "com.leadjourney.lead.routed", "com.leadjourney.lead.touched",
        "com.leadjourney.task.completed", "com.leadjourney.opportunity.opened", "com.leadjourney.opportunity.updated",
        "com.leadjourney.lead.customer", "com.leadjourney.journey.closed");
    for (final Received event : of(leadId)) {
      final var signed = HmacSignature.parse(event.signature()).orElseThrow();
      assertThat(HmacSignature.matches(signed, SECRET, event.id(), event.body().getBytes(StandardCharsets.UTF_8)))
          .as("signed with the subscription's secret: %s", event.type()).isTrue();
      assertShapedAsItsSchema(JSON.readTree(event.body()));
    }

    receiver.stop(0);
    final String second = driver.lead("later@events-crm.com", "webinar", "webinar-q4", JourneyDriver.STRONG_FIT);
    driver.awaitTask(second, "xdr-handoff");
    await().atMost(Duration.ofSeconds(20)).until(() -> !failedDeliveries().isEmpty());
    Thread.sleep(Duration.ofSeconds(60).toMillis()); // the receiver stays down for a minute
    assertThat(idsOf(second)).isEmpty();
    startReceiver();

    await().atMost(Duration.ofSeconds(30)).until(() -> idsOf(second).size() == outbox(second).size());
    assertThat(idsOf(second)).as("nothing lost, still in order").isEqualTo(outbox(second));
  }

  @Test
  void subscriptionsAreForAdminsAndRefuseWhatCannotWork() {
    final var noSecret = driver().admin().exchange("/api/event-subscriptions/weak", HttpMethod.PUT,
        new HttpEntity<>(Map.of("url", "https://crm.example.com/hooks", "secret", "short")), Map.class);
    assertThat(noSecret.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) noSecret.getBody().get("detail")).contains("secret must be 16 to 200 characters");
    final var badType = driver().admin().exchange("/api/event-subscriptions/weak", HttpMethod.PUT,
        new HttpEntity<>(Map.of("url", "https://crm.example.com/hooks", "secret", SECRET, "types", List.of("com.leadjourney.nope"))), Map.class);
    assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    final var ftp = driver().admin().exchange("/api/event-subscriptions/weak", HttpMethod.PUT,
        new HttpEntity<>(Map.of("url", "ftp://crm.example.com/hooks", "secret", SECRET)), Map.class);
    assertThat(ftp.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    final List<Map<String, Object>> listed = driver().admin().getForObject("/api/event-subscriptions", List.class);
    assertThat(listed).allSatisfy(s -> assertThat(s).doesNotContainKey("secret"));
  }

  private void subscribe(final String name) {
    final var put = driver().admin().exchange("/api/event-subscriptions/" + name, HttpMethod.PUT,
        new HttpEntity<>(Map.of("url", "http://127.0.0.1:" + port + "/events", "secret", SECRET)), Map.class);
    assertThat(put.getStatusCode()).as("%s", put.getBody()).isEqualTo(HttpStatus.OK);
  }

  private void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    receiver.createContext("/events", exchange -> {
      final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      final JsonNode event = JSON.readTree(body);
      received.add(new Received(event.path("id").asText(), event.path("type").asText(), event.path("subject").asText(), body,
          exchange.getRequestHeaders().getFirst("X-Signature")));
      exchange.sendResponseHeaders(exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/cloudevents+json") ? 204 : 415, -1);
      exchange.close();
    });
    receiver.start();
  }

  private List<Received> of(final String leadId) {
    return received.stream().filter(r -> r.subject().equals(leadId)).toList();
  }

  private List<String> idsOf(final String leadId) {
    return of(leadId).stream().map(Received::id).toList();
  }

  private List<String> typesOf(final String leadId) {
    return of(leadId).stream().map(Received::type).collect(Collectors.toList());
  }

  private List<String> outbox(final String leadId) {
    return jdbc.queryForList("select event_id from event_outbox where lead_id = ? order by id", String.class, leadId);
  }

  private List<Map<String, Object>> failedDeliveries() {
    return driver().admin().getForObject("/api/event-subscriptions/crm-sync/deliveries?state=pending", List.class).stream()
        .filter(d -> ((Number) ((Map<?, ?>) d).get("attempts")).intValue() > 0).map(d -> (Map<String, Object>) d).toList();
  }

  /** The event has every field its type's schema requires, and its data too. */
  private static void assertShapedAsItsSchema(final JsonNode event) throws IOException {
    final JsonNode schema = JSON.readTree(new ClassPathResource("event-schemas/" + event.path("type").asText() + ".v1.json").getInputStream());
    schema.path("required").forEach(field -> assertThat(event.has(field.asText())).as("%s has %s", event.path("type"), field).isTrue());
    schema.at("/properties/data/required").forEach(field -> assertThat(event.path("data").has(field.asText())).isTrue());
    assertThat(event.path("specversion").asText()).isEqualTo("1.0");
    assertThat(schema.at("/properties/type/const").asText()).isEqualTo(event.path("type").asText());
  }
}
