package com.leadjourney.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.platform.HmacSignature;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * One delivery over HTTP: the event as a CloudEvents 1.0 structured-mode JSON document
 * ({@code application/cloudevents+json}), signed like every webhook of the product —
 * {@code X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<event id>.<body>">} with the
 * subscription's secret, the event id also in {@code X-Delivery-Id}. A 2xx answer is delivered.
 */
@Component
class EventSender {

  /** What one attempt came to. */
  record Outcome(boolean delivered, Integer status, String error) {}

  static final String SOURCE = "/lead-journey";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock WALL_CLOCK = Clock.systemUTC(); // receivers check the age against theirs

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();

  Outcome send(final EventSubscriptions.Signing subscription, final Map<String, Object> delivery) {
    final String eventId = (String) delivery.get("event_id");
    final byte[] body;
    try {
      body = cloudEvent(delivery).getBytes(StandardCharsets.UTF_8);
    } catch (final JsonProcessingException e) {
      return new Outcome(false, null, "cannot write the event: " + e.getMessage());
    }
    try {
      final var response = http.send(
          HttpRequest.newBuilder(java.net.URI.create(subscription.subscription().url())).timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/cloudevents+json; charset=utf-8")
              .header("X-Delivery-Id", eventId)
              .header("X-Signature", HmacSignature.header(subscription.secret(), WALL_CLOCK.instant(), eventId, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.discarding());
      final int status = response.statusCode();
      return status / 100 == 2 ? new Outcome(true, status, null) : new Outcome(false, status, "answered " + status);
    } catch (final java.io.IOException e) {
      return new Outcome(false, null, abbreviate(e.getClass().getSimpleName() + ": " + e.getMessage()));
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, null, "interrupted");
    }
  }

  static String cloudEvent(final Map<String, Object> delivery) throws JsonProcessingException {
    final Map<String, Object> event = new LinkedHashMap<>();
    event.put("specversion", "1.0");
    event.put("id", delivery.get("event_id"));
    event.put("source", SOURCE);
    event.put("type", delivery.get("type"));
    event.put("subject", delivery.get("lead_id"));
    event.put("time", ((Timestamp) delivery.get("occurred_at")).toInstant().toString());
    event.put("datacontenttype", "application/json");
    event.put("dataschema", "/event-schemas/" + delivery.get("type") + ".v1.json");
    event.put("data", JSON.readTree((String) delivery.get("data")));
    return JSON.writeValueAsString(event);
  }

  private static String abbreviate(final String text) {
    return text.length() <= 500 ? text : text.substring(0, 497) + "...";
  }
}
