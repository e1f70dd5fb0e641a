package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.JourneyDriver;
import com.leadjourney.OwnAppTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine unreachable for a whole minute while leads keep arriving at five a second: intake
 * answers 202 to every one, health says the engine is down, and once the engine is back the
 * outbox catches up — every lead gets its journey and its XDR task, once.
 */
@Tag("reliability")
class EngineDownMinuteTest extends OwnAppTest {

  private static final int SECONDS_DOWN = 60;
  private static final int PER_SECOND = 5;

  @DynamicPropertySource
  static void noEnrichmentWait(final DynamicPropertyRegistry registry) {
    registry.add("leadjourney.intake.enrichment-window", () -> "0s");
  }

  @Autowired JdbcTemplate jdbc;

  @Test
  void intakeKeepsAcceptingForAMinuteAndTheJourneysCatchUp() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(http.getForObject("/actuator/health", Map.class).get("status")));
    engine.closeGateway();
    try {
      for (int second = 0; second < SECONDS_DOWN; second++) {
        final long tick = System.nanoTime();
        for (int i = 0; i < PER_SECOND; i++) {
          final int lead = second * PER_SECOND + i;
          final var answer = api().post(JourneyDriver.strongFitWebinarLead("down-%d@down-co%d.com".formatted(lead, lead), "Down co " + lead), "down-" + lead);
          assertThat(answer.getStatusCode()).as("lead %d while the engine is down", lead).isEqualTo(HttpStatus.ACCEPTED);
        }
        Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - tick) / 1_000_000));
      }
      assertThat(http.getForObject("/actuator/health", Map.class).get("status")).isEqualTo("DOWN");
      assertThat(count("select count(*) from journey_outbox where dispatched_at is null")).as("waiting in the outbox").isEqualTo(SECONDS_DOWN * PER_SECOND);
    } finally {
      engine.openGateway();
    }
    final long back = System.nanoTime();

    final int leads = SECONDS_DOWN * PER_SECOND;
    await().atMost(Duration.ofMinutes(3)).until(() -> count("select count(*) from human_task where element_id = 'WorkLead'") >= leads);
    final double catchUpSeconds = (System.nanoTime() - back) / 1e9;
    Thread.sleep(3_000);
    assertThat(count("select count(*) from leads")).isEqualTo(leads);
    assertThat(count("select count(*) from human_task where element_id = 'WorkLead'")).isEqualTo(leads);
    assertThat(count("select count(*) from journey_event where type = 'JOURNEY_STARTED'")).as("journeys started").isEqualTo(leads);
    assertThat(count("select count(*) from journey_outbox where dispatched_at is null")).isZero();
    System.out.printf("engine down %d s: %d leads accepted meanwhile; all had their XDR task %.1f s after the engine came back%n",
        SECONDS_DOWN, leads, catchUpSeconds);
  }

  private long count(final String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
