package com.leadjourney.acceptance;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param aes account executives who accept SQLs, in round-robin order
 * @param acceptWindow the AE accepts or rejects within this; silence escalates to the manager
 */
@ConfigurationProperties("leadjourney.acceptance")
public record AcceptanceProperties(
    @DefaultValue({"ae-linus", "ae-margaret"}) List<String> aes, @DefaultValue("24h") Duration acceptWindow) {}
