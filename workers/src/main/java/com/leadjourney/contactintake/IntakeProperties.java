package com.leadjourney.contactintake;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enrichmentWindow how long a new lead waits for enrichment data before pre-qualification
 * @param knownSources sources reported by name in metrics; any other is reported as "other", so
 *     the label stays bounded whatever callers send
 */
@ConfigurationProperties("leadjourney.intake")
public record IntakeProperties(
    @DefaultValue("30s") Duration enrichmentWindow,
    @DefaultValue({
          "api", "web-form", "webinar", "event", "import", "webhook", "referral", "partner",
          "paid-search", "paid-social", "chat", "content"
        })
        Set<String> knownSources) {}
