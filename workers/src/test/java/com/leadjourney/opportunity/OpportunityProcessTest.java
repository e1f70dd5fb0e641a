package com.leadjourney.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyTest;
import com.leadjourney.JourneyDriver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Opportunity: sales moves it through stages; a stall is flagged; a loss says why and feeds nurture. */
class OpportunityProcessTest extends JourneyTest {

  @Autowired Opportunities opportunities;

  private Map<String, Object> acceptedOpportunity(final JourneyDriver driver, final String leadId) {
    driver.complete(driver.sqlAwaitingAcceptance(leadId), Map.of("outcome", "accepted"));
    return driver.awaitOpportunity(leadId);
  }

  @Test
  void aLostDealSaysWhyAndTheLeadGoesBackToNurture() {
    final var driver = driver();
    final String leadId = driver.lead("lost.deal@fourthcoffee.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final var opportunity = acceptedOpportunity(driver, leadId);

    final var noReason =
        driver.admin().postForEntity("/api/opportunities/" + opportunity.get("id") + "/updates", Map.of("stage", "closed-lost"), Map.class);
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) noReason.getBody().get("detail")).contains("reason", "competitor-chosen");
    final var wonWithoutAmount =
        driver.admin().postForEntity("/api/opportunities/" + opportunity.get("id") + "/updates", Map.of("stage", "closed-won"), Map.class);
    assertThat(wonWithoutAmount.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    final String update = driver.updateOpportunity(opportunity, Map.of("stage", "closed-lost", "reason", "competitor-chosen"));

    driver.awaitTimeline(leadId, "NURTURE_PLANNED");
    assertThat(opportunities.apply(update)).as("the job delivered again").containsEntry("opportunityStage", "closed-lost");
    assertThat(driver.timelineTypes(leadId)).filteredOn("OPPORTUNITY_UPDATED"::equals).hasSize(1);
    assertThat(driver.detailOf(leadId, "FEEDBACK_RECORDED")).startsWith("lost: competitor-chosen");
    assertThat(driver.stagesEntered(leadId)).endsWith("opportunity", "nurture");
    final var closed = driver.admin().postForEntity("/api/opportunities/" + opportunity.get("id") + "/updates", Map.of("amount", 1), Map.class);
    assertThat(closed.getStatusCode()).as("a closed deal does not change").isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aStageWithoutProgressForTwoWeeksIsFlaggedAsStalled() {
    final var driver = driver();
    final String leadId = driver.lead("stalled@graphicdesign.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    acceptedOpportunity(driver, leadId);

    engine.advanceClock(Duration.ofDays(14).plusMinutes(1));

    driver.awaitTimeline(leadId, "SLA_STALLED");
  }
}
