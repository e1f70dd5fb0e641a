package com.leadjourney.engine;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the engine runs. Embedded (default): an in-JVM Zeebe engine with its gRPC gateway on
 * {@code gatewayPort}. Cluster: {@code embedded=false} and the {@code camunda.client.*} properties
 * point at a Camunda 8.8 orchestration cluster.
 *
 * @param gatewayAddress the address the embedded gateway listens on: loopback, so only this machine
 *     reaches it; {@code 0.0.0.0} (or one interface's address) opens it to Camunda Modeler elsewhere.
 *     Every call needs credentials either way
 * @param clockStartsBack the embedded engine starts its clock this far in the past (the demo plays
 *     a past quarter forward to the present; the clock can only move forward once it runs)
 * @param stateMemoryLimitMb off-heap memory of the engine's RocksDB state (block cache, memtables); Zeebe's own
 *     default for a partition. At 128 MB, end to end fell to 0.73x with 40,000 journeys open; at 512 it did not fall
 * @param keepStateOnStop the embedded engine keeps its state on disk (checkpoints and a journal of its
 *     log) and the next start continues from it, after a graceful stop or a crash; otherwise every
 *     start begins empty and open journeys are rebuilt from MySQL
 * @param checkpointInterval how often the kept state is checkpointed: a start after a crash replays
 *     at most this much of the journal
 */
@ConfigurationProperties("leadjourney.engine")
public record EngineProperties(
    @DefaultValue("true") boolean embedded,
    @DefaultValue("26500") int gatewayPort,
    @DefaultValue("127.0.0.1") String gatewayAddress,
    @DefaultValue("./data/engine") Path stateDir,
    @DefaultValue(EngineProperties.STATE_MEMORY_LIMIT_MB) long stateMemoryLimitMb,
    @DefaultValue("5s") Duration logCompactionInterval,
    @DefaultValue("0s") Duration clockStartsBack,
    @DefaultValue("true") boolean keepStateOnStop,
    @DefaultValue("30s") Duration checkpointInterval) {

  /** The default of {@code stateMemoryLimitMb}; the engine memory benchmark runs the engine with it too. */
  static final String STATE_MEMORY_LIMIT_MB = "512";
}
