package com.leadjourney.prequalification;

import com.leadjourney.definition.QualificationDecisions;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyTest;
import com.leadjourney.JourneyDriver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A qualification job delivered twice (or a rebuilt journey deciding again) keeps the first decision. */
class QualificationRedeliveryTest extends JourneyTest {

  @Autowired QualificationDecisions decisions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theLeadKeepsTheDecisionAndTraceItWasQualifiedWith() {
    final var driver = driver();
    final String leadId = driver.lead("decided.once@margies-travel.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    driver.awaitTask(leadId, "xdr-handoff");

    final var again = decisions.decide(leadId, List.<Map<?, ?>>of(Map.of("criterion", "student, not a buyer", "points", 0, "verdict", "disqualify")));

    assertThat(again.outcome()).isEqualTo("mql");
    assertThat(jdbc.queryForObject("select count(*) from qualification_decision where lead_id = ?", Integer.class, leadId)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select matched_rules from qualification_decision where lead_id = ?", String.class, leadId))
        .contains("target industry", "budget approved").doesNotContain("student");
    assertThat(driver.timelineTypes(leadId)).filteredOn("QUALIFIED"::equals).hasSize(1);
  }
}
