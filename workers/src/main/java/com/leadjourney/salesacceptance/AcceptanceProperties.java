package com.leadjourney.salesacceptance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param acceptWindow the AE accepts or rejects within this (AE team's business hours); silence escalates */
@ConfigurationProperties("leadjourney.acceptance")
public record AcceptanceProperties(@DefaultValue("24h") Duration acceptWindow) {}
