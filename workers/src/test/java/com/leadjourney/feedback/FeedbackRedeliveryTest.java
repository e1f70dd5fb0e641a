package com.leadjourney.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyTest;
import com.leadjourney.JourneyDriver;
import com.leadjourney.LeadApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Feedback recorded twice for one recycle (a redelivered job) is one line in marketing's digest, with its source and campaign. */
class FeedbackRedeliveryTest extends JourneyTest {

  @Autowired FeedbackRecording recording;
  @Autowired JdbcTemplate jdbc;

  @Test
  void oneRecycleIsOneFeedbackWithItsSourceAndCampaign() {
    final var driver = driver();
    final String leadId =
        new LeadApi(http).accept(
            "{\"email\":\"recycled.once@lucerne-publishing.com\",\"consent\":true,\"source\":\"webinar\",\"campaign\":\"webinar-q3\"}");
    driver.awaitTimeline(leadId, "ACCOUNT_MATCHED"); // the lead stays in one stage visit for the enrichment window

    final String first = recording.record(leadId, "xdr-handoff", "recycle", "no-response", null);
    final String redelivered = recording.record(leadId, "xdr-handoff", "recycle", "no-response", null);

    assertThat(first).isEqualTo("nurture").isEqualTo(redelivered);
    assertThat(jdbc.queryForMap("select count(*) n, min(source) source, min(campaign) campaign from feedback where lead_id = ?", leadId))
        .containsEntry("n", 1L).containsEntry("source", "webinar").containsEntry("campaign", "webinar-q3");
    assertThat(driver.timelineTypes(leadId)).filteredOn("FEEDBACK_RECORDED"::equals).hasSize(1);
  }
}
