package com.leadjourney.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo quarter ({@code --spring.profiles.active=demo}): off unless asked for.
 *
 * @param days how far back the demo starts; it plays forward to the present
 * @param leadsPerDay new leads on an average working day
 * @param seed the same seed makes the same quarter
 */
@ConfigurationProperties("leadjourney.demo")
record DemoProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("91") int days,
    @DefaultValue("8") int leadsPerDay,
    @DefaultValue("20261126") long seed) {}
