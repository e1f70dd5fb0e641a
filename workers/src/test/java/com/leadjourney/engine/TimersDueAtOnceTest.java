package com.leadjourney.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.engine.EmbeddedEngineAssembly;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a long stop thousands of SLA timers are due at once. The engine's due-date checker runs
 * every 100 ms while their triggers still wait in the log; each timer must be triggered once, or
 * the log fills with duplicates the engine rejects one by one while new leads' commands wait
 * behind them (a new lead took 126–133 s instead of 47 s after a 5-hour stop; BENCHMARKS.md).
 */
class TimersDueAtOnceTest {

  private static final int TIMERS = 3_000;
  private static final int IN_FLIGHT = 100;

  private final int port = EmbeddedAppTest.freePort();
  private final EmbeddedEngineAssembly engine = StandaloneEngine.create(port, "timers-due-");

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void timersThatFellDueTogetherAreEachTriggeredOnce() {
    engine.start();
    try (CamundaClient client = StandaloneEngine.client(port, Duration.ofMinutes(1))) {
      client.newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("first-touch-clock").startEvent().intermediateCatchEvent("Due", e -> e.timerWithDuration("PT4H"))
                  .endEvent().done(),
              "first-touch-clock.bpmn")
          .send().join();
      for (int started = 0; started < TIMERS; started += IN_FLIGHT) {
        final var created = new ArrayList<CamundaFuture<?>>();
        for (int i = 0; i < IN_FLIGHT; i++) {
          created.add(client.newCreateInstanceCommand().bpmnProcessId("first-touch-clock").latestVersion().send());
        }
        created.forEach(CamundaFuture::join);
      }
    }

    // The app was stopped for five hours: every clock is overdue when it comes back.
    engine.clock().addTime(Duration.ofHours(5));
    Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
        .until(() -> timerRecords().getOrDefault(RecordType.EVENT, 0) == TIMERS);

    // Seen once in seven runs with 8 cores: 3,001 TRIGGERs. Likely a checker run walking its snapshot of the
    // timers reached one the engine had triggered and forgotten meanwhile; the extra one is rejected. Without
    // the cache every due timer still waiting was written again every 100 ms: thousands.
    final Map<RecordType, Integer> timers = timerRecords();
    final int writtenAgain = timers.get(RecordType.COMMAND) - TIMERS;
    assertThat(writtenAgain).as("TRIGGER commands written again for %d due timers", TIMERS).isBetween(0, TIMERS / 100);
    assertThat(timers.getOrDefault(RecordType.COMMAND_REJECTION, 0)).as("triggers rejected as already done").isEqualTo(writtenAgain);
  }

  /** TIMER TRIGGER commands, TRIGGERED events and rejected triggers in the log, by record type. */
  private Map<RecordType, Integer> timerRecords() {
    final Map<RecordType, Integer> counts = new EnumMap<>(RecordType.class);
    engine.forEachRecord(
        (metadata, record) -> {
          final boolean trigger = metadata.getIntent() == TimerIntent.TRIGGER || metadata.getIntent() == TimerIntent.TRIGGERED;
          if (metadata.getValueType() == ValueType.TIMER && trigger) {
            counts.merge(metadata.getRecordType(), 1, Integer::sum);
          }
        });
    return counts;
  }
}
