package com.leadjourney.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import com.leadjourney.definition.QualificationDecisions;
import com.leadjourney.notification.Notifications;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * January, 300 qualified mid-market leads promised: a strong first five days, then a trickle. The
 * daily pacing raises the shortfall alert on the first day the month-end projection drops below
 * 300 — and only then.
 */
class MarketingPacingTest extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  private void qualifiedOn(final LocalDate day, final int count) {
    final var at = Timestamp.from(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
    final List<Object[]> leads = new ArrayList<>();
    final List<Object[]> decisions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      final String id = UUID.randomUUID().toString();
      leads.add(new Object[] {id, id + "@pacing.test", at, at});
      decisions.add(new Object[] {id, at});
    }
    jdbc.batchUpdate(
        "insert into leads (id, email, source, consent, stage, journey_state, created_at, updated_at) values (?, ?, 'import', true, 'xdr-handoff', 'OPEN', ?, ?)",
        leads);
    jdbc.batchUpdate(
        """
        insert into qualification_decision (lead_id, visit, definition_version, inputs, matched_rules, fit_score, engagement_score,
          engagement_breakdown, outcome, priority, segment, decided_at) values (?, 1, 'v1-default', '{}', '[]', 60, 12, '{}', 'mql', 'warm', 'mid-market', ?)""",
        decisions);
  }

  @Test
  void aSlowFirstHalfRaisesTheShortfallAlertOnTheDayTheProjectionDropsBelowTarget() {
    final var api = new LeadApi(http);
    final var target =
        api.admin().exchange("/api/marketing-targets/2027-01/mid-market", HttpMethod.PUT, new HttpEntity<>(Map.of("target", 300)), Map.class);
    assertThat(target.getStatusCode()).isEqualTo(HttpStatus.OK);

    final List<Integer> alertDays = new ArrayList<>();
    for (int day = 1; day <= 15; day++) {
      qualifiedOn(LocalDate.of(2027, 1, day), day <= 5 ? 15 : 2);
      final List<Map<String, Object>> paces = api.admin().postForObject("/api/marketing-pacing/2027-01-" + String.format("%02d", day), null, List.class);
      final var pace = paces.stream().filter(p -> "mid-market".equals(p.get("segment"))).findFirst().orElseThrow();
      if (Boolean.TRUE.equals(pace.get("alerted"))) {
        alertDays.add(day);
      }
    }

    // Day 8: 81 so far projects to 314; day 9: 83 projects to 286 < 300.
    assertThat(alertDays).containsExactly(9);
    final List<Map<String, Object>> inbox = api.admin().getForObject("/api/notifications?recipient=marketing-lead", List.class);
    assertThat(inbox).anySatisfy(n -> assertThat((String) n.get("subject")).isEqualTo("Pacing: mid-market is projected at 286 of 300 qualified leads in 2027-01"));
    final List<Map<String, Object>> month = api.admin().getForObject("/api/marketing-pacing?month=2027-01", List.class);
    assertThat(month).filteredOn(p -> Boolean.TRUE.equals(p.get("shortfall"))).hasSize(7);
  }

  @Autowired QualificationDecisions decisions;
  @Autowired Notifications notifications;

  /**
   * The commitment gauges follow the app's clock, not the wall clock: the demo and tests move it, and
   * a board showed 15 September's pace on 5 December. The day after a month ends, the gauges show the
   * new month (here: no commitment, so 0), at the first check after the move rather than up to an hour later.
   */
  @Test
  void theCommitmentGaugesMoveToTheNewMonthAtTheFirstCheckAfterTheClockDoes() {
    final var instant = new AtomicReference<>(Instant.parse("2031-03-15T12:00:00Z"));
    final Clock moved = new Clock() {
      @Override public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override public Clock withZone(final ZoneId zone) {
        return this;
      }

      @Override public Instant instant() {
        return instant.get();
      }
    };
    final var meters = new SimpleMeterRegistry();
    final var pacing = new MarketingPacing(jdbc, decisions, notifications, meters, moved, "marketing-lead", Duration.ofHours(1));
    pacing.setTarget("clock-test-segment", YearMonth.of(2031, 3), 120);
    pacing.paceToday();
    assertThat(meters.get("leadjourney.marketing.mqls").tags("segment", "clock-test-segment", "measure", "target").gauge().value()).isEqualTo(120);

    pacing.setTarget("clock-test-segment", YearMonth.of(2031, 3), 150);
    instant.set(Instant.parse("2031-03-15T12:30:00Z"));
    pacing.paceToday();
    assertThat(meters.get("leadjourney.marketing.mqls").tags("segment", "clock-test-segment", "measure", "target").gauge().value())
        .as("same day, within the hour: not paced again").isEqualTo(120);

    instant.set(Instant.parse("2031-04-01T00:10:00Z"));
    pacing.paceToday();
    assertThat(meters.get("leadjourney.marketing.mqls").tags("segment", "clock-test-segment", "measure", "target").gauge().value())
        .as("April has no commitment for it").isZero();
  }
}
