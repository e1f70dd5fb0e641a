package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.logstreams.storage.LogStorage;

/** The test engine's own log storage, which keeps every record: the benchmark's baseline. */
public final class StockLogStorage {

  private StockLogStorage() {}

  public static LogStorage create() {
    return new InMemoryLogStorage();
  }
}
