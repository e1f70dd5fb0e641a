package com.leadjourney.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.JourneyTest;
import com.leadjourney.JourneyDriver;
import com.leadjourney.lead.LeadRepository;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine forgets a journey that waits inside a called stage (what an embedded restart does to
 * all of them): rebuilt from MySQL, it lands on the same XDR's task with the same first-touch clock,
 * routes nobody anew, and the reminder fires at the original time.
 */
class StageRebuildTest extends JourneyTest {

  @Autowired CamundaClient client;
  @Autowired JourneyStarter starter;
  @Autowired LeadRepository leads;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aJourneyRebuiltInsideXdrHandoffKeepsItsXdrAndItsClock() {
    final var driver = driver();
    final String leadId = driver.lead("rebuilt@trey-research.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final Map<String, Object> before = driver.awaitTask(leadId, "xdr-handoff");
    final long lost = leads.findById(leadId).orElseThrow().getProcessInstanceKey();

    client.newCancelInstanceCommand(lost).send().join(); // the engine's state is gone
    jdbc.update("update leads set process_instance_key = null where id = ?", leadId); // as the rebuild at start does
    starter.rebuild(leads.findById(leadId).orElseThrow());

    await().atMost(Duration.ofSeconds(60))
        .until(() -> driver.openTasks(leadId, "xdr-handoff").stream().anyMatch(t -> !t.get("userTaskKey").equals(before.get("userTaskKey"))));
    final var after = driver.openTasks(leadId, "xdr-handoff").get(0);
    assertThat(after.get("assignee")).isEqualTo(before.get("assignee"));
    assertThat(after.get("dueAt")).isEqualTo(before.get("dueAt"));
    assertThat(driver.timelineTypes(leadId)).filteredOn("ROUTED"::equals).hasSize(1);
    assertThat(driver.stagesEntered(leadId)).containsExactly("contact-intake", "pre-qualification", "xdr-handoff");

    final Instant reminderDue = Instant.parse((String) before.get("dueAt")).minus(Duration.ofHours(2));
    engine.advanceClock(Duration.between(engine.now(), reminderDue).minusMinutes(1));
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !driver.timelineTypes(leadId).contains("SLA_REMINDED"));
    engine.advanceClock(Duration.ofMinutes(2));
    driver.awaitTimeline(leadId, "SLA_REMINDED");
  }
}
