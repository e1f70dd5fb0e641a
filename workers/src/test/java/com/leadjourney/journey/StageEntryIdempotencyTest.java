package com.leadjourney.journey;

import com.leadjourney.lead.StageEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.JourneyEventRepository;
import com.leadjourney.lead.Lead;
import com.leadjourney.lead.LeadRepository;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Jobs arrive at least once and starts can repeat: each effect happens once. */
class StageEntryIdempotencyTest extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;
  @Autowired StageEntry stageEntry;
  @Autowired JourneyClaim claim;
  @Autowired JourneyStarter starter;
  @Autowired LeadRepository leads;
  @Autowired JourneyEventRepository events;

  private Lead leadInIntake() {
    final String id = new LeadApi(http).accept("""
        {"email":"twice@example.com","consent":true}""");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> "contact-intake".equals(leads.findById(id).orElseThrow().getStage()));
    return leads.findById(id).orElseThrow();
  }

  private long stageEntries(final String leadId) {
    return events.findByLeadIdOrderByOccurredAtAscIdAsc(leadId).stream()
        .filter(e -> e.getType() == JourneyEvent.Type.STAGE_ENTERED && "contact-intake".equals(e.getStage()))
        .count();
  }

  @Test
  void aRedeliveredStageEntryJobRecordsNothingNew() {
    final var lead = leadInIntake();

    final int visit = stageEntry.enter(lead.getId(), "contact-intake", "EnterContactIntake");

    assertThat(visit).as("the same visit").isEqualTo(lead.getStageVisit());
    assertThat(stageEntries(lead.getId())).isEqualTo(1);
  }

  @Test
  void aSecondJourneyForTheSameLeadIsRefusedAndLeavesTheLeadAlone() {
    final var lead = leadInIntake();

    assertThatThrownBy(() -> claim.claim(lead.getId(), 42L)).isInstanceOf(JourneyClaim.DuplicateJourneyException.class);

    // The same through the engine: a repeated start (outbox retry after a lost reply).
    starter.start(lead);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> stageEntries(lead.getId()) == 1);
    assertThat(leads.findById(lead.getId()).orElseThrow().getProcessInstanceKey())
        .isEqualTo(lead.getProcessInstanceKey());
    assertThat(events.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId()))
        .filteredOn(e -> e.getType() == JourneyEvent.Type.JOURNEY_STARTED)
        .extracting(JourneyEvent::getDetail)
        .hasSize(2)
        .filteredOn(detail -> detail.contains("duplicate"))
        .hasSize(1);
  }
}
