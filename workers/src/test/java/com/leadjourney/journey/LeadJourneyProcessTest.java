package com.leadjourney.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyTest;
import com.leadjourney.JourneyDriver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole journey as the people in it live it: a VP of a software company registers for a
 * webinar; the agreed definition qualifies her; an XDR calls and books a meeting; the AE accepts;
 * sales works the opportunity, confirms her as decision maker and wins it; the webinar gets the
 * credit. Every step goes through the app's API; every stage is on her timeline.
 */
class LeadJourneyProcessTest extends JourneyTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void aWebinarRegistrantBecomesACustomerAndTheWebinarGetsTheCredit() {
    final var driver = driver();
    final String leadId = driver.lead("vp@northwind-software.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);

    final var acceptance = driver.sqlAwaitingAcceptance(leadId);
    assertThat(acceptance.get("candidateGroups")).asString().contains("ae");
    assertThat(driver.timelineTypes(leadId)).contains("SLA_MET");
    assertThat(driver.detailOf(leadId, "QUALIFIED")).startsWith("mql").contains("fit 100", "target industry", "v1-default");
    driver.complete(acceptance, Map.of("outcome", "accepted"));

    final var opportunity = driver.awaitOpportunity(leadId);
    assertThat(opportunity.get("stage")).isEqualTo("discovery");
    driver.updateOpportunity(
        opportunity,
        Map.of("stage", "proposal", "amount", 48000, "closeDate", "2027-01-31",
            "contactRoles", List.of(Map.of("leadId", leadId, "role", "decision-maker", "confirmed", true))));
    driver.awaitTimeline(leadId, "OPPORTUNITY_UPDATED");
    @SuppressWarnings("unchecked")
    final List<Map<String, Object>> trail = api().admin().getForObject("/api/leads/" + leadId + "/audit", List.class);
    assertThat(api().admin().getForEntity("/api/leads/no-such-lead/audit", Map.class).getStatusCode())
        .as("like every other lead endpoint").isEqualTo(org.springframework.http.HttpStatus.NOT_FOUND);
    assertThat(trail).as("sales' change on the audit trail, before → after")
        .filteredOn(e -> "opportunity.update-requested".equals(e.get("action"))).singleElement()
        .satisfies(e -> {
          assertThat((Map<String, Object>) e.get("before")).containsEntry("stage", "discovery");
          assertThat((Map<String, Object>) e.get("after")).containsEntry("stage", "proposal").containsEntry("closeDate", "2027-01-31");
        });
    driver.updateOpportunity(opportunity, Map.of("stage", "closed-won"));

    driver.awaitClosed(leadId, "customer");
    assertThat(driver.stagesEntered(leadId))
        .containsExactly("contact-intake", "pre-qualification", "xdr-handoff", "sales-acceptance", "opportunity", "customer");
    final var entries = driver.timeline(leadId).stream().filter(e -> "STAGE_ENTERED".equals(e.get("type"))).toList();
    assertThat(entries).extracting(e -> Instant.parse((String) e.get("at"))).isSorted();
    assertThat(driver.timelineTypes(leadId)).containsSubsequence("REVENUE_ATTRIBUTED", "CONVERTED", "JOURNEY_CLOSED");
    assertThat(jdbc.queryForObject(
            "select amount from attribution_credit where model = 'first-touch' and campaign = 'webinar-q3' and opportunity_id = ?",
            java.math.BigDecimal.class, opportunity.get("id")))
        .isEqualByComparingTo("48000.00");
    assertThat(jdbc.queryForObject(
            "select customer from account a join leads l on l.account_id = a.id where l.id = ?", Boolean.class, leadId))
        .isTrue();
  }
}
