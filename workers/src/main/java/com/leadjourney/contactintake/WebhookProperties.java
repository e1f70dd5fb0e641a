package com.leadjourney.contactintake;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Intake webhooks: one shared secret per source ({@code leadjourney.webhooks.secrets.typeform=…});
 * a source without a secret is unknown and refused. A delivery's body may be at most
 * {@code maxBodySize} (a lead is a few kilobytes).
 */
@ConfigurationProperties("leadjourney.webhooks")
record WebhookProperties(Map<String, String> secrets, @DefaultValue("1MB") DataSize maxBodySize) {

  WebhookProperties {
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
  }
}
