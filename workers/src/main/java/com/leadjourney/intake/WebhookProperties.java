package com.leadjourney.intake;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Intake webhooks: one shared secret per source ({@code leadjourney.webhooks.secrets.typeform=…});
 * a source without a secret is unknown and refused.
 */
@ConfigurationProperties("leadjourney.webhooks")
record WebhookProperties(Map<String, String> secrets) {

  WebhookProperties {
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
  }
}
