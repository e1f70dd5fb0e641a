package com.leadjourney.nurture;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyTest;
import com.leadjourney.JourneyDriver;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Nurture: a lead not ready yet is kept warm, steered by sales feedback, and comes back when it engages. */
class NurtureProcessTest extends JourneyTest {


  @Test
  void aGoodFitWithoutEngagementIsNurturedUntilAWebinarRequalifiesIt() {
    final var driver = driver();
    final String leadId = driver.lead("imported.vp@adatum.com", "import", "crm-import", JourneyDriver.STRONG_FIT);
    driver.awaitTimeline(leadId, "NURTURE_PLANNED");
    assertThat(driver.detailOf(leadId, "QUALIFIED")).startsWith("nurture").contains("engagement 5.0 of 10.0");

    final var engaged =
        driver.admin().postForEntity("/api/leads/" + leadId + "/engagements", Map.of("type", "webinar", "campaign", "webinar-q4"), Map.class);
    assertThat(engaged.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    driver.awaitTask(leadId, "xdr-handoff");
    assertThat(driver.stagesEntered(leadId)).containsExactly("contact-intake", "pre-qualification", "nurture", "pre-qualification", "xdr-handoff");
    assertThat(driver.timelineTypes(leadId)).containsSubsequence("ENGAGED", "RESCORED", "REENGAGED", "QUALIFIED");
    assertThat(driver.detailOf(leadId, "QUALIFIED")).startsWith("mql");
  }

  @Test
  void anXdrRecycleForBadTimingPutsTheLeadOnTheLongCycleTrackWithTheObjections() {
    final var driver = driver();
    final String leadId = driver.lead("not.now@litware.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final var task = driver.awaitTask(leadId, "xdr-handoff");

    driver.complete(task, Map.of("outcome", "recycle", "reason", "bad-timing", "objections", "budget frozen until Q2"));

    driver.awaitTimeline(leadId, "NURTURE_STEERED");
    assertThat(driver.detailOf(leadId, "FEEDBACK_RECORDED")).isEqualTo("recycle: bad-timing; objections: budget frozen until Q2 -> nurture");
    assertThat(driver.detailOf(leadId, "NURTURE_PLANNED")).isEqualTo("track long-cycle");
    assertThat(driver.detailOf(leadId, "NURTURE_STEERED")).contains("track long-cycle", "budget frozen until Q2");
  }

  @Test
  void aLeadThatOptsOutLeavesNurtureAndTheJourney() {
    final var driver = driver();
    final String leadId = driver.lead("unsubscribe@tailspin.com", "import", null, null);
    driver.awaitTimeline(leadId, "NURTURE_PLANNED");

    assertThat(driver.admin().postForEntity("/api/leads/" + leadId + "/opt-out", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    driver.awaitClosed(leadId, "opted-out");
  }
}
