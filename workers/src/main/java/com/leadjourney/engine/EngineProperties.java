package com.leadjourney.engine;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the engine runs. Embedded (default): an in-JVM Zeebe engine with its gRPC gateway on
 * {@code gatewayPort}. Cluster: {@code embedded=false} and the {@code camunda.client.*} properties
 * point at a Camunda 8.8 orchestration cluster.
 */
@ConfigurationProperties("leadjourney.engine")
public record EngineProperties(
    @DefaultValue("true") boolean embedded,
    @DefaultValue("26500") int gatewayPort,
    @DefaultValue("./data/engine") Path stateDir,
    @DefaultValue("128") long stateMemoryLimitMb,
    @DefaultValue("5s") Duration logCompactionInterval) {}
