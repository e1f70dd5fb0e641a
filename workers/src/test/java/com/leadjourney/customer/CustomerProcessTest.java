package com.leadjourney.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyTest;
import com.leadjourney.JourneyDriver;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customer: a won deal is credited to the campaigns that touched the contacts sales confirmed, and
 * only those; crediting again (a redelivered job) changes nothing.
 */
class CustomerProcessTest extends JourneyTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Attribution attribution;
  @Autowired java.time.Clock clock;

  private Map<String, BigDecimal> credit(final Object opportunityId, final String model) {
    final Map<String, BigDecimal> byCampaign = new java.util.TreeMap<>();
    jdbc.query(
        "select campaign, amount from attribution_credit where opportunity_id = ? and model = ?",
        row -> {
          byCampaign.put(row.getString(1), row.getBigDecimal(2));
        },
        opportunityId, model);
    return byCampaign;
  }

  /**
   * Three contacts on one deal: the buyer (webinar, then an event after the deal opened), a CTO who
   * came through the ROI calculator between qualification and the deal (both confirmed), and an
   * analyst whose role sales did not confirm.
   */
  @Test
  void onlyContactsWithAConfirmedRoleEarnTheirCampaignsCredit() {
    final var driver = driver();
    final String buyer = driver.lead("cfo@blue-yonder.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final String colleague = driver.lead("analyst@blue-yonder.com", "content", "ebook-roi", null);
    final var sql = driver.sqlAwaitingAcceptance(buyer);
    final String cto = driver.lead("cto@blue-yonder.com", "paid-search", "roi-calculator", null);
    driver.complete(sql, Map.of("outcome", "accepted"));
    final var opportunity = driver.awaitOpportunity(buyer);
    final var engaged =
        driver.admin().postForEntity("/api/leads/" + buyer + "/engagements", Map.of("type", "event", "campaign", "summit-2026"), Map.class);
    assertThat(engaged.getStatusCode().value()).isEqualTo(202);

    driver.updateOpportunity(
        opportunity,
        Map.of("stage", "closed-won", "amount", 90000,
            "contactRoles", List.of(
                Map.of("leadId", buyer, "role", "economic-buyer", "confirmed", true),
                Map.of("leadId", cto, "role", "champion", "confirmed", true),
                Map.of("leadId", colleague, "role", "influencer", "confirmed", false))));

    driver.awaitClosed(buyer, "customer");
    assertThat(credit(opportunity.get("id"), "first-touch")).containsOnlyKeys("webinar-q3");
    assertThat(credit(opportunity.get("id"), "last-touch")).containsOnlyKeys("summit-2026");
    assertThat(credit(opportunity.get("id"), "linear"))
        .as("the unconfirmed analyst's ebook earns nothing")
        .containsOnlyKeys("webinar-q3", "roi-calculator", "summit-2026")
        .containsEntry("webinar-q3", new BigDecimal("30000.00"))
        .containsEntry("roi-calculator", new BigDecimal("30000.00"))
        .containsEntry("summit-2026", new BigDecimal("30000.00"));
    assertThat(credit(opportunity.get("id"), "w-shaped"))
        .as("the webinar was the first touch and made the MQL (60%), the ROI calculator was the last touch before the deal opened (30%),"
            + " the event came after (the remaining 10%)")
        .containsOnlyKeys("webinar-q3", "roi-calculator", "summit-2026")
        .containsEntry("webinar-q3", new BigDecimal("54000.00"))
        .containsEntry("roi-calculator", new BigDecimal("27000.00"))
        .containsEntry("summit-2026", new BigDecimal("9000.00"));
    for (final String model : AttributionModels.MODELS) {
      assertThat(jdbc.queryForObject("select sum(share) from attribution_credit where opportunity_id = ? and model = ?", Double.class, opportunity.get("id"), model))
          .as("%s shares add up to 100%%", model)
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(credit(opportunity.get("id"), model).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
          .as("%s credits the whole deal", model)
          .isEqualByComparingTo("90000");
    }

    final String rows = "select count(*) from attribution_credit where opportunity_id = ?";
    final int credited = jdbc.queryForObject(rows, Integer.class, opportunity.get("id"));
    attribution.credit(buyer); // the job delivered again
    assertThat(jdbc.queryForObject(rows, Integer.class, opportunity.get("id"))).isEqualTo(credited);
    assertThat(driver.timelineTypes(buyer)).filteredOn("REVENUE_ATTRIBUTED"::equals).hasSize(1);

    // Marketing enters what the summit cost; its return is its linear credit per dollar: 30,000 / 15,000 = 2.
    assertThat(api().admin().exchange(
            "/api/campaigns/summit-2026", org.springframework.http.HttpMethod.PUT,
            new org.springframework.http.HttpEntity<>(Map.of("channel", "event", "cost", 15000)), Map.class).getStatusCode().value())
        .isEqualTo(200);
    final var today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    final String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    final List<Map<String, Object>> returns = api().admin().getForObject("/api/programs/return?quarter=" + quarter + "&model=linear", List.class);
    assertThat(returns).filteredOn(r -> "summit-2026".equals(r.get("program"))).singleElement()
        .satisfies(r -> {
          assertThat(new BigDecimal(r.get("revenue").toString())).isEqualByComparingTo("30000.00");
          assertThat(new BigDecimal(r.get("cost").toString())).isEqualByComparingTo("15000");
          assertThat(new BigDecimal(r.get("revenuePerDollar").toString())).isEqualByComparingTo("2.00");
        });
  }
}
