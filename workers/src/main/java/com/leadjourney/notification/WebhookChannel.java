package com.leadjourney.notification;

import com.leadjourney.platform.HmacSignature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts each notification as JSON to one URL (a chat bot, an incident tool), signed like the
 * intake webhooks: {@code X-Signature: sha256=<HMAC of the body with the shared secret>}.
 */
@Component
@ConditionalOnProperty(name = "leadjourney.notifications.webhook-url")
class WebhookChannel implements OutboundChannel {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient http;
  private final String url;
  private final String secret;

  WebhookChannel(
      final RestClient.Builder http,
      @Value("${leadjourney.notifications.webhook-url}") final String url,
      @Value("${leadjourney.notifications.webhook-secret:}") final String secret) {
    this.http = http.build();
    this.url = url;
    this.secret = secret;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public void send(final Notification notification) {
    final String body;
    try {
      body = JSON.writeValueAsString(notification);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the notification", e);
    }
    http.post()
        .uri(url)
        .contentType(MediaType.APPLICATION_JSON)
        .header("X-Signature", secret.isEmpty() ? "" : HmacSignature.header(secret, body.getBytes(StandardCharsets.UTF_8)))
        .body(body)
        .retrieve()
        .toBodilessEntity();
  }
}
