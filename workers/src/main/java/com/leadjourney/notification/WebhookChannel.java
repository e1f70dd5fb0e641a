package com.leadjourney.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.platform.HmacSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts each notification as JSON to one URL (a chat bot, an incident tool), signed like the
 * intake webhooks: {@code X-Signature: t=…,v1=<HMAC of "t.deliveryId.body">} under a fresh
 * {@code X-Delivery-Id}. Always signed: without a secret there is no webhook (a warning at start),
 * since a receiver could not tell ours from anyone's.
 */
@Component
@Conditional(WebhookChannel.UrlAndSecretSet.class)
class WebhookChannel implements OutboundChannel {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);
  /** Receivers check the age against their wall clock. */
  private static final Clock WALL_CLOCK = Clock.systemUTC();

  private final RestClient http;
  private final String url;
  private final String secret;

  WebhookChannel(
      final RestClient.Builder http,
      @Value("${leadjourney.notifications.webhook-url}") final String url,
      @Value("${leadjourney.notifications.webhook-secret}") final String secret) {
    // A receiver that hangs fails the send within seconds instead of holding a delivery thread.
    final var timeouts = new SimpleClientHttpRequestFactory();
    timeouts.setConnectTimeout(Duration.ofSeconds(5));
    timeouts.setReadTimeout(Duration.ofSeconds(10));
    this.http = http.requestFactory(timeouts).build();
    this.url = url;
    this.secret = secret;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public void send(final Notification notification) {
    final byte[] body;
    try {
      body = JSON.writeValueAsString(notification).getBytes(StandardCharsets.UTF_8);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the notification", e);
    }
    final String deliveryId = UUID.randomUUID().toString();
    http.post()
        .uri(url)
        .contentType(MediaType.APPLICATION_JSON)
        .header("X-Delivery-Id", deliveryId)
        .header("X-Signature", HmacSignature.header(secret, WALL_CLOCK.instant(), deliveryId, body))
        .body(body)
        .retrieve()
        .toBodilessEntity();
  }

  /** A URL to send to and a secret to sign with; a URL alone is a configuration mistake, said at start. */
  static final class UrlAndSecretSet extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(final ConditionContext context, final AnnotatedTypeMetadata metadata) {
      final String url = context.getEnvironment().getProperty("leadjourney.notifications.webhook-url", "");
      final String secret = context.getEnvironment().getProperty("leadjourney.notifications.webhook-secret", "");
      if (url.isBlank()) {
        return ConditionOutcome.noMatch("no leadjourney.notifications.webhook-url");
      }
      if (secret.isBlank()) {
        LOG.warn("Notifications are NOT sent to the webhook {}: set leadjourney.notifications.webhook-secret to sign them "
            + "(an unsigned webhook cannot be told from a forged one)", url);
        return ConditionOutcome.noMatch("no leadjourney.notifications.webhook-secret");
      }
      return ConditionOutcome.match();
    }
  }
}
