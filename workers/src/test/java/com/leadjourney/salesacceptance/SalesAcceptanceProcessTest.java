package com.leadjourney.salesacceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyTest;
import com.leadjourney.JourneyDriver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Sales acceptance: the AE decides inside the window and always says why a lead is not for sales. */
class SalesAcceptanceProcessTest extends JourneyTest {


  @Test
  void anAeRejectionForNoBudgetGoesBackToMarketingAndToNurture() {
    final var driver = driver();
    final String leadId = driver.lead("no.budget@woodgrove.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final var task = driver.sqlAwaitingAcceptance(leadId);

    final var withoutReason =
        driver.admin().postForEntity("/api/tasks/" + task.get("userTaskKey") + "/completion", Map.of("outcome", "rejected"), Map.class);
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) withoutReason.getBody().get("detail")).contains("reason", "no-budget");

    driver.complete(task, Map.of("outcome", "rejected", "reason", "no-budget", "objections", "spend approved next fiscal year"));

    driver.awaitTimeline(leadId, "NURTURE_PLANNED");
    assertThat(driver.detailOf(leadId, "FEEDBACK_RECORDED")).startsWith("rejected: no-budget").endsWith("-> nurture");
    assertThat(driver.detailOf(leadId, "NURTURE_PLANNED")).isEqualTo("track roi-content");
  }

  @Test
  void anAeRejectionForWrongFitEndsTheJourney() {
    final var driver = driver();
    final String leadId = driver.lead("wrong.fit@proseware.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);

    driver.complete(driver.sqlAwaitingAcceptance(leadId), Map.of("outcome", "rejected", "reason", "wrong-fit"));

    driver.awaitClosed(leadId, "rejected-by-sales");
  }

  @Test
  void anAeWhoStaysSilentPastTheWindowIsEscalatedAndTheTaskStays() {
    final var driver = driver();
    final String leadId = driver.lead("silence@wingtip.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final var task = driver.sqlAwaitingAcceptance(leadId);

    engine.advanceClock(Duration.ofHours(24).plusMinutes(1));

    driver.awaitTimeline(leadId, "SLA_ESCALATED");
    assertThat(driver.timeline(leadId)).filteredOn(e -> "SLA_ESCALATED".equals(e.get("type"))).extracting(e -> e.get("stage")).containsExactly("sales-acceptance");
    assertThat(driver.openTasks(leadId, "sales-acceptance")).extracting(t -> t.get("userTaskKey")).containsExactly(task.get("userTaskKey"));
  }
}
