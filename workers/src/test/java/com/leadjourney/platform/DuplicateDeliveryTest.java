package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.JourneyDriver;
import com.leadjourney.OwnAppTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every job of every type delivered twice, for real: the worker's first answer is lost on its way
 * to the engine, the job times out and comes back under the same key, the handler runs again.
 * Three journeys cover every job type of the shipped models (won customer; nurture, re-engagement,
 * recycle and opt-out; SLA reminders, escalation, reassignment, a stalled opportunity and a
 * disqualification), and each
 * side effect must still happen once: timeline, routing and caps, tasks, notifications,
 * opportunity, attribution, and the counters dashboards read.
 */
@Import(DuplicateDeliveryTest.LoseFirstAnswers.class)
class DuplicateDeliveryTest extends OwnAppTest {

  @TestConfiguration
  static class LoseFirstAnswers {
    @Bean
    FirstCompletionLost firstCompletionLost() {
      return new FirstCompletionLost();
    }
  }

  @DynamicPropertySource
  static void shortJobTimeout(final DynamicPropertyRegistry registry) {
    registry.add("camunda.client.worker.defaults.timeout", () -> "PT1S"); // how soon a lost answer's job comes back
  }

  @Autowired FirstCompletionLost lost;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;

  @Test
  void everyJobTypeDeliveredTwiceHasItsEffectsOnce() throws Exception {
    final var driver = driver();
    final String buyer = driver.accepted("buyer@twice-fabrikam.com", "webinar", "webinar-twice", JourneyDriver.STRONG_FIT);
    final String nurtured = driver.accepted("vp@twice-adatum.com", "import", "crm-import", JourneyDriver.STRONG_FIT);
    final String unanswered = driver.accepted("cto@twice-contoso.com", "webinar", "webinar-twice", JourneyDriver.STRONG_FIT);
    driver.passEnrichmentWindow(buyer, nurtured, unanswered);

    final var xdrTask = driver.awaitTask(buyer, "xdr-handoff");
    driver.touch(xdrTask, "call");
    completeOnceCreated(xdrTask, Map.of("outcome", "meeting-booked"));
    final var untouched = driver.awaitTask(unanswered, "xdr-handoff");
    final String other = "xdr-ada".equals(untouched.get("assignee")) ? "xdr-grace" : "xdr-ada";
    await().atMost(Duration.ofSeconds(30)).until(() ->
        driver.admin().postForEntity("/api/tasks/" + untouched.get("userTaskKey") + "/assignment", Map.of("assignee", other), Map.class)
            .getStatusCode() == HttpStatus.OK);
    final var acceptance = driver.awaitTask(buyer, "sales-acceptance");
    driver.awaitTimeline(nurtured, "NURTURE_PLANNED");

    // The untouched lead's reminder falls due: its XDR is reminded. Then a week: the lead is escalated
    // and reassigned; the AE's window runs out; nurture sends a touch.
    final var remindAt = jdbc.queryForObject(
        "select due_at from journey_clock where lead_id = ? and name = 'slaReminderAt'", java.sql.Timestamp.class, unanswered).toInstant();
    engine.advanceClock(Duration.between(engine.now(), remindAt).plusSeconds(1).abs()); // already due: a second on
    driver.awaitTimeline(unanswered, "SLA_REMINDED");
    await().atMost(Duration.ofSeconds(30)).until(() -> lost.deliveredTwice().contains("send-sla-reminder")); // before the week ends its task
    engine.advanceClock(Duration.ofDays(8));
    driver.awaitTimeline(unanswered, "SLA_REASSIGNED");
    driver.awaitTimeline(buyer, "SLA_ESCALATED");
    driver.awaitTimeline(nurtured, "NURTURE_TOUCH_SENT");

    // The three journeys go on side by side, as they would in a day's work.
    completeOnceCreated(acceptance, Map.of("outcome", "accepted"));
    completeOnceCreated(driver.awaitTask(unanswered, "xdr-handoff"), Map.of("outcome", "disqualify", "reason", "not-decision-maker"));
    final var opportunity = driver.awaitOpportunity(buyer);
    engine.advanceClock(Duration.ofDays(15)); // the opportunity stalls in discovery
    driver.awaitTimeline(buyer, "SLA_STALLED");
    assertThat(driver.admin().postForEntity("/api/leads/" + nurtured + "/engagements", Map.of("type", "webinar", "campaign", "webinar-twice"), Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    driver.updateOpportunity(opportunity, Map.of("stage", "closed-won", "amount", 50000,
        "contactRoles", List.of(Map.of("leadId", buyer, "role", "economic-buyer", "confirmed", true))));
    completeOnceCreated(driver.awaitTask(nurtured, "xdr-handoff"), Map.of("outcome", "recycle", "reason", "bad-timing", "objections", "budget frozen"));
    driver.awaitTimeline(nurtured, "NURTURE_STEERED");
    assertThat(driver.admin().postForEntity("/api/leads/" + nurtured + "/opt-out", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    driver.awaitClosed(buyer, "customer");
    driver.awaitClosed(unanswered, "disqualified");
    driver.awaitClosed(nurtured, "opted-out");

    assertThat(lost.deliveredTwice()).as("job types delivered twice").containsAll(jobTypesOfTheModels());
    assertThat(driver.stagesEntered(buyer)).containsExactly("contact-intake", "pre-qualification", "xdr-handoff", "sales-acceptance", "opportunity", "customer");
    assertThat(driver.stagesEntered(unanswered)).containsExactly("contact-intake", "pre-qualification", "xdr-handoff");
    assertThat(driver.stagesEntered(nurtured))
        .containsExactly("contact-intake", "pre-qualification", "nurture", "pre-qualification", "xdr-handoff", "nurture");
    assertEffectsOnce(List.of(buyer, nurtured, unanswered));
  }

  /**
   * Until the engine hears the creating listener's second answer the task is still being created:
   * (or assigning) the inbox answers 409 with a try-again message, and the person tries again.
   */
  private void completeOnceCreated(final Map<String, Object> task, final Map<String, String> completion) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      final var answer = driver().admin().postForEntity("/api/tasks/" + task.get("userTaskKey") + "/completion", completion, Map.class);
      if (answer.getStatusCode() == HttpStatus.CONFLICT) {
        assertThat((String) answer.getBody().get("detail")).startsWith("The engine is still").endsWith("this task; try again in a few seconds");
        return false;
      }
      assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
      return true;
    });
  }

  private void assertEffectsOnce(final List<String> leads) {
    for (final String lead : leads) {
      assertThat(jdbc.queryForList(
              "select concat(type, ' ', coalesce(stage, ''), ' ', coalesce(detail, '')) from journey_event where lead_id = ? and dedupe_key is null group by type, stage, detail having count(*) > 1",
              String.class, lead))
          .as("unkeyed timeline lines of %s recorded twice", lead).isEmpty();
      assertThat(count("select count(*) from journey_event where lead_id = ? and type = 'ROUTED' and detail like 'assigned to %'", lead))
          .as("routing lines of %s", lead).isEqualTo(count("select count(*) from routing_decision where lead_id = ?", lead));
      assertThat(count("select count(*) from journey_event where lead_id = ? and type = 'TASK_OPENED'", lead))
          .as("task lines of %s", lead).isEqualTo(count("select count(*) from human_task where lead_id = ?", lead));
      assertThat(jdbc.queryForList(
              "select concat(stage, ' visit ', visit, ' attempt ', attempt) from routing_decision where lead_id = ? group by stage, visit, attempt having count(*) > 1",
              String.class, lead))
          .as("routing decisions of %s", lead).isEmpty();
      assertThat(jdbc.queryForList("select concat(recipient, ' ', kind) from notification where lead_id = ? group by recipient, kind, subject having count(*) > 1", String.class, lead))
          .as("people told twice about %s", lead).isEmpty();
    }
    assertThat(jdbc.queryForObject("select count(*) from human_task where state = 'OPEN'", Long.class)).as("open tasks left").isZero();
    assertThat(jdbc.queryForObject("select coalesce(sum(open_assignments), 0) from team_member", Long.class)).as("cap slots still held").isZero();
    assertThat(jdbc.queryForObject("select count(*) from opportunity where lead_id = ?", Long.class, leads.get(0))).isEqualTo(1);
    assertThat(jdbc.queryForObject("select sum(amount) from attribution_credit where model = 'linear'", Double.class)).isEqualTo(50000.0);

    assertThat(counter("leadjourney.stage.entered")).as("stage entries counted")
        .isEqualTo(jdbc.queryForObject("select count(*) from journey_event where type = 'STAGE_ENTERED'", Double.class));
    assertThat(meters.find("leadjourney.sla.events").tag("stage", "xdr-handoff").counters().stream()
            .filter(c -> Set.of("reminded", "escalated", "reassigned").contains(c.getId().getTag("event"))).mapToDouble(c -> c.count()).sum())
        .as("SLA timer events counted")
        .isEqualTo(jdbc.queryForObject("select count(*) from journey_event where type in ('SLA_REMINDED', 'SLA_ESCALATED', 'SLA_REASSIGNED') and stage = 'xdr-handoff'", Double.class));
    assertThat(counter("leadjourney.qualification.decisions")).as("qualification decisions counted")
        .isEqualTo(jdbc.queryForObject("select count(*) from qualification_decision", Double.class));
    assertThat(counter("leadjourney.journeys.closed")).isEqualTo(3.0);
    assertThat(counter("leadjourney.customers.won")).isEqualTo(1.0);
  }

  private long count(final String sql, final String lead) {
    return jdbc.queryForObject(sql, Long.class, lead);
  }

  private double counter(final String name) {
    return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  /** Every job type the shipped models name: service tasks and user-task listeners. */
  private static Set<String> jobTypesOfTheModels() throws Exception {
    final Set<String> types = new TreeSet<>();
    final var type = Pattern.compile("zeebe:(?:taskDefinition|taskListener)[^>]*? type=\"([^\"]+)\"");
    for (final var model : new PathMatchingResourcePatternResolver().getResources("classpath*:workflows/*.bpmn")) {
      final var found = type.matcher(model.getContentAsString(StandardCharsets.UTF_8));
      while (found.find()) {
        types.add(found.group(1));
      }
    }
    return types;
  }
}
