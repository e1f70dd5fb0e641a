package com.leadjourney.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
  private final byte[] secret;

  WebhookChannel(
      final RestClient.Builder http,
      @Value("${leadjourney.notifications.webhook-url}") final String url,
      @Value("${leadjourney.notifications.webhook-secret:}") final String secret) {
    this.http = http.build();
    this.url = url;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
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
        .header("X-Signature", "sha256=" + sign(body))
        .body(body)
        .retrieve()
        .toBodilessEntity();
  }

  private String sign(final String body) {
    if (secret.length == 0) {
      return "";
    }
    try {
      final Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (final GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign the notification", e);
    }
  }
}
