package com.leadjourney.engine.embedded;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.protocol.Protocol;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.stream.impl.state.DbKeyGenerator;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;

/** The embedded engine's state database: RocksDB, and where its keys begin. */
public final class EngineStateDb {

  private EngineStateDb() {}

  /** The engine's state in RocksDB, as the app runs it (the memory benchmark uses the same). */
  public static ZeebeDb<ZbColumnFamilies> open(
      final Path dir, final long memoryLimitMb, final MeterRegistry meterRegistry) {
    return new ZeebeRocksDbFactory<ZbColumnFamilies>(
            new RocksDbConfiguration().setMemoryLimit(memoryLimitMb << 20),
            new ConsistencyChecksSettings(),
            new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1),
            () -> meterRegistry)
        .createDb(dir.toFile());
  }

  /**
   * Keys of this start begin above any key an earlier start handed out, though the state starts
   * empty: MySQL keeps task, job and instance keys (a task row is found by its key, side effects are
   * deduplicated by job key), so a rebuilt journey's task must not arrive under a key an old row
   * holds — with a counter starting at 0 again it did, for about one task in 170 (measured with 1,000
   * rebuilt). The counter starts at wall-clock milliseconds × {@value #KEYS_PER_MILLISECOND}: no run
   * hands out that many keys per millisecond on average, and the range lasts until the year 2248.
   */
  static final long KEYS_PER_MILLISECOND = 256;

  static ZeebeDb<ZbColumnFamilies> keysFrom(final long firstKey, final ZeebeDb<ZbColumnFamilies> state) {
    final var context = state.createContext();
    final var keys = new DbKeyGenerator(Protocol.START_PARTITION_ID, state, context);
    context.runInTransaction(() -> keys.setKeyIfHigher(firstKey));
    return state;
  }
}
