package com.leadjourney.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.platform.ReviewPeriod;
import com.leadjourney.LeadApi;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A known stretch of history (February–March 2024 and the quarter before) gives the weekly, monthly
 * and quarterly review exact numbers — each against its target and the previous period — the same
 * in JSON, CSV and on the printable page. Expected values are worked out by hand in the comments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CadenceReviewTest extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeasureCatalogue catalogue;
  @Autowired ReviewBreakdowns breakdowns;

  private TestRestTemplate admin() {
    return new LeadApi(http).admin();
  }

  @BeforeAll
  void history() {
    final var history = new ReviewHistory(jdbc);
    for (final String[] l : new String[][] {
        {"rv-1", "2024-03-04T09:00"}, {"rv-2", "2024-01-05T10:00"}, {"rv-3", "2024-03-06T08:00"}, {"rv-4", "2024-03-08T11:00"},
        {"rv-5", "2024-03-08T11:30"}, {"rv-6", "2024-02-27T09:00"}, {"rv-7", "2024-02-28T09:00"}, {"rv-8", "2023-11-01T09:00"},
        {"rv-9", "2023-09-20T09:00"}}) {
      history.lead(l[0], l[1]);
    }
    // MQLs: week 10 (4 March) rv-1..4 (rv-1 twice, counted once); week 9 rv-6, rv-7; February also rv-8.
    history.decision("rv-1", 1, "mql", "smb", "v1", "2024-03-04T09:01");
    history.decision("rv-1", 2, "mql", "smb", "v1", "2024-03-07T09:00");
    history.decision("rv-2", 1, "mql", "smb", "v1", "2024-03-05T10:01");
    history.decision("rv-3", 1, "mql", "enterprise", "v2", "2024-03-06T08:01");
    history.decision("rv-4", 1, "mql", "enterprise", "v2", "2024-03-08T11:01");
    history.decision("rv-5", 1, "nurture", "smb", "v2", "2024-03-08T11:31");
    history.decision("rv-6", 1, "mql", "smb", "v1", "2024-02-27T09:01");
    history.decision("rv-7", 1, "mql", "smb", "v1", "2024-02-28T09:01");
    history.decision("rv-8", 1, "mql", "smb", "v1", "2024-02-10T09:00");
    jdbc.update("insert into marketing_target (segment, month, target) values ('smb', '2024-03', 31), ('enterprise', '2024-03', 62)");

    // XDR tasks: first touches 3 min (in SLA), 10 min (late), 90 min (in SLA) in week 10; 20 min (late) in week 9.
    history.task("rv-1", "xdr-handoff", "2024-03-04T09:00", "2024-03-04T09:05", "2024-03-04T09:03", "2024-03-04T11:00", "meeting-booked");
    history.task("rv-2", "xdr-handoff", "2024-03-05T10:00", "2024-03-05T10:05", "2024-03-05T10:10", "2024-03-05T12:00", "recycle");
    history.task("rv-3", "xdr-handoff", "2024-03-06T08:00", "2024-03-06T12:00", "2024-03-06T09:30", "2024-03-08T15:00", "meeting-booked");
    history.task("rv-4", "xdr-handoff", "2024-03-08T12:00", "2024-03-08T16:00", null, "2024-03-20T10:00", "recycle"); // still open when week 10 ended
    history.task("rv-6", "xdr-handoff", "2024-02-27T09:00", "2024-02-27T09:05", "2024-02-27T09:20", "2024-02-27T10:00", "meeting-booked");
    // AE decisions: March rejected (5th) and accepted (12th, after week 10 ended, so open at its end); February accepted.
    history.task("rv-1", "sales-acceptance", "2024-03-04T12:00", "2024-03-05T12:00", null, "2024-03-05T09:00", "rejected");
    history.task("rv-3", "sales-acceptance", "2024-03-09T00:00", "2024-03-12T00:00", null, "2024-03-12T09:00", "accepted");
    history.task("rv-6", "sales-acceptance", "2024-02-27T11:00", "2024-02-28T11:00", null, "2024-02-28T09:00", "accepted");

    history.event("rv-2", "REENGAGED", "nurture", "2024-03-05T10:00"); // back from nurture: its speed-to-lead counts from here
    history.event("rv-2", "SLA_ESCALATED", "xdr-handoff", "2024-03-05T10:05");
    history.event("rv-6", "SLA_ESCALATED", "xdr-handoff", "2024-02-27T09:05");
    for (final String[] e : new String[][] {
        {"rv-1", "xdr-handoff", "2024-03-04T09:00"}, {"rv-2", "xdr-handoff", "2024-03-05T10:00"}, {"rv-3", "xdr-handoff", "2024-03-06T08:00"},
        {"rv-4", "xdr-handoff", "2024-03-08T12:00"}, {"rv-1", "sales-acceptance", "2024-03-04T12:00"}, {"rv-3", "sales-acceptance", "2024-03-09T00:00"},
        {"rv-6", "xdr-handoff", "2024-02-27T09:00"}, {"rv-6", "sales-acceptance", "2024-02-27T11:00"}}) {
      history.event(e[0], "STAGE_ENTERED", e[1], e[2]);
    }
    history.feedback("rv-2", "no-budget", "2024-03-05T12:00");
    history.feedback("rv-1", "wrong-fit", "2024-03-05T09:00");
    history.feedback("rv-7", "no-budget", "2024-02-28T10:00");

    // Deals. Q1 2024: o-1 opened (50,000, co-signed through rv-3), o-2 opened (20,000, not co-signed) and lost, o-3 won (30,000).
    // Q4 2023: o-3 (30,000, co-signed), o-4 (10,000) and o-5 (40,000, co-signed) opened; o-4 lost, o-5 won.
    history.opportunity("o-rv-1", "rv-3", "2024-03-12T10:00", 50000, "discovery", null, null);
    history.role("o-rv-1", "rv-3", true);
    history.role("o-rv-1", "rv-5", false);
    history.opportunity("o-rv-2", "rv-6", "2024-02-01T10:00", 20000, "closed-lost", "2024-03-20T10:00", "competitor-chosen");
    history.role("o-rv-2", "rv-6", false);
    history.opportunity("o-rv-3", "rv-8", "2023-11-15T10:00", 30000, "closed-won", "2024-01-20T10:00", null);
    history.role("o-rv-3", "rv-8", true);
    history.opportunity("o-rv-4", "rv-7", "2023-10-10T10:00", 10000, "closed-lost", "2023-12-01T10:00", "no-budget");
    history.opportunity("o-rv-5", "rv-9", "2023-10-01T10:00", 40000, "closed-won", "2023-12-15T10:00", null);
    history.role("o-rv-5", "rv-9", true);
    history.engagement("rv-3", "rv-webinar-2023", "2023-11-20T10:00");
    history.engagement("rv-3", "rv-cfo-dinner-2024", "2024-01-15T10:00");
    history.engagement("rv-5", "rv-billboard-2024", "2024-02-10T10:00"); // unconfirmed contact: earns nothing
    history.engagement("rv-8", "rv-webinar-2023", "2023-11-10T10:00");
    history.credit("o-rv-3", "rv-cfo-dinner-2024", 21000, "2024-01-20T10:00");
    history.credit("o-rv-3", "rv-webinar-2023", 9000, "2024-01-20T10:00");
    history.credit("o-rv-5", "rv-webinar-2023", 40000, "2023-12-15T10:00");
    jdbc.update(
        """
        insert into campaign (name, channel, cost, starts_on, ends_on) values ('rv-cfo-dinner-2024', 'event', 7000, '2024-01-01', '2024-01-31'),
          ('rv-webinar-2023', 'webinar', 3000, '2023-11-01', '2023-11-30'), ('rv-billboard-2024', 'ads', 5000, '2024-02-01', '2024-03-31')""");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> review(final String cadence, final String period) {
    final var response = admin().getForEntity("/api/cadence-reviews/" + cadence + "?period=" + period, Map.class);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> indicator(final Map<String, Object> review, final String key) {
    return ((List<Map<String, Object>>) review.get("indicators")).stream().filter(i -> key.equals(i.get("key"))).findFirst().orElseThrow();
  }

  /** value, previous, delta, target (null where absent) and status. */
  private static void assertIndicator(
      final Map<String, Object> review, final String key, final String value, final String previous, final String delta, final String target,
      final String status) {
    final var i = indicator(review, key);
    assertThat(List.of(decimal(i.get("value")), decimal(i.get("previous")), decimal(i.get("delta")), decimal(i.get("target"))))
        .as(key)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(decimal(value), decimal(previous), decimal(delta), decimal(target));
    assertThat(i.get("status")).as(key + " status").isEqualTo(status);
  }

  private static BigDecimal decimal(final Object number) {
    return number == null ? BigDecimal.valueOf(-999_999) : new BigDecimal(number.toString());
  }

  /** {label: [value, previous, delta]} of one breakdown. */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> breakdown(final Map<String, Object> review, final String key) {
    final var rows =
        ((List<Map<String, Object>>) review.get("breakdowns")).stream().filter(b -> key.equals(b.get("key"))).findFirst().orElseThrow().get("rows");
    final Map<String, List<String>> byLabel = new java.util.TreeMap<>();
    for (final var row : (List<Map<String, Object>>) rows) {
      byLabel.put((String) row.get("label"), java.util.stream.Stream.of("value", "previous", "delta", "target")
          .map(f -> row.get(f) == null ? "–" : new BigDecimal(row.get(f).toString()).stripTrailingZeros().toPlainString()).toList());
    }
    return byLabel;
  }

  @SuppressWarnings("unchecked")
  private static java.util.Set<String> groups(final Map<String, Object> review, final String key) {
    final var rows = ((List<Map<String, Object>>) review.get("breakdowns")).stream().filter(b -> key.equals(b.get("key"))).findFirst().orElseThrow();
    return ((List<Map<String, Object>>) rows.get("rows")).stream().map(r -> (String) r.get("group")).collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void weeklyReviewShowsLeadingIndicatorsAgainstPaceAndTheWeekBefore() {
    final var week = review("weekly", "2024-W10");
    assertThat(week).containsEntry("firstDay", "2024-03-04").containsEntry("lastDay", "2024-03-10").containsEntry("previousPeriod", "2024-W09");
    assertThat(week.get("board")).as("no Grafana configured: no link to nowhere").isNull();
    assertThat(new CadenceReview(catalogue, breakdowns, "https://grafana.example")
            .of(ReviewPeriod.parse(ReviewPeriod.Cadence.WEEKLY, "2024-W10"), java.time.LocalDate.of(2026, 1, 1)).board())
        .isEqualTo("https://grafana.example/d/lead-journey-weekly?from=1709510400000&to=1710115200000");
    // 93 a month in March = 3 a day → 21 for the week; 4 MQLs against 2 in week 9.
    assertIndicator(week, "mqls", "4", "2", "2", "21.0", "missed");
    // 2 of 3 first touches inside the SLA (66.7%) against 0 of 1: three touches are too few to call it missed.
    assertIndicator(week, "first-touch-in-sla", "66.7", "0.0", "66.7", "90", null);
    assertThat(indicator(week, "first-touch-in-sla").get("sample")).isEqualTo("3 first touches");
    assertThat((List<Object>) week.get("smallSamples")).contains("First touches inside the SLA: 3 first touches");
    assertThat(week).containsEntry("soFar", false);
    // Median of 3, 10, 90 minutes against 20 minutes.
    assertIndicator(week, "speed-to-lead-median", "10.0", "20.0", "-10.0", null, null);
    assertIndicator(week, "sla-escalations", "1", "1", "0", null, null);
    // At midnight ending week 10: rv-4's XDR task (due 8 March 16:00) and rv-3's AE task (due 12 March) are open.
    assertIndicator(week, "open-tasks-overdue", "1", "0", "1", null, null);
    assertIndicator(week, "oldest-open-task", "60.0", "0.0", "60.0", null, null);
    assertThat(breakdown(week, "speed-to-lead-bands"))
        .containsEntry("0-5 min", List.of("1", "0", "1", "–"))
        .containsEntry("5-15 min", List.of("1", "0", "1", "–"))
        .containsEntry("15-60 min", List.of("0", "1", "-1", "–"))
        .containsEntry("60+ min", List.of("1", "0", "1", "–"));
    assertThat(breakdown(week, "feedback-reasons"))
        .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("no-budget", List.of("1", "1", "0", "–"), "wrong-fit", List.of("1", "0", "1", "–"))));
    assertThat(groups(week, "feedback-reasons")).as("reasons grouped by what sales did").containsOnly("recycle");
  }

  @Test
  void monthlyReviewShowsConversionAcceptanceAndTheCommitmentBySegment() {
    final var month = review("monthly", "2024-03");
    assertThat(month).containsEntry("previousPeriod", "2024-02");
    assertIndicator(month, "mqls", "4", "3", "1", "93.0", "missed");
    assertIndicator(month, "sqls", "2", "1", "1", null, null);
    assertIndicator(month, "mql-to-sql", "50.0", "33.3", "16.7", null, null);
    assertIndicator(month, "acceptance-rate", "50.0", "100.0", "-50.0", "80", null); // 2 decisions: too few to judge
    assertIndicator(month, "sla-escalations", "1", "1", "0", null, null);
    assertThat(breakdown(month, "commitment-by-segment"))
        .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("enterprise", List.of("2", "–", "–", "62"), "smb", List.of("2", "–", "–", "31"))));
    assertThat(breakdown(month, "stage-entries"))
        .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("Sales acceptance", List.of("2", "1", "1", "–"), "XDR handoff", List.of("4", "1", "3", "–"))));
    // v1 made rv-1 and rv-2 (rv-1 booked); v2 made rv-3 and rv-4 (rv-3 booked); February's v1 MQLs rv-6, 7, 8: only rv-6.
    assertThat(breakdown(month, "mql-to-sql-by-definition"))
        .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("v1", List.of("50", "33.3", "16.7", "–"), "v2", List.of("50", "–", "–", "–"))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void quarterlyReviewShowsCosignedPipelineRevenueWinRateAndReturnByProgram() {
    final var quarter = review("quarterly", "2024-Q1");
    assertThat(quarter).containsEntry("previousPeriod", "2023-Q4");
    assertIndicator(quarter, "pipeline-cosigned", "50000", "70000", "-20000", null, null);
    assertIndicator(quarter, "pipeline-opened", "70000", "80000", "-10000", null, null);
    // The default revenue target, 1,000,000 a quarter.
    assertIndicator(quarter, "revenue-won", "30000", "40000", "-10000", "1000000", "missed");
    assertIndicator(quarter, "win-rate", "50.0", "50.0", "0.0", "25", null);
    assertThat(indicator(quarter, "win-rate").get("sample")).isEqualTo("2 decided deals");
    assertIndicator(quarter, "deals-won", "1", "1", "0", null, null);
    assertIndicator(quarter, "deal-size", "30000.00", "40000.00", "-10000.00", null, null);
    // o-rv-3: 15 November to 20 January = 66 days; o-rv-5: 1 October to 15 December = 75.
    assertIndicator(quarter, "cycle-length", "66.0", "75.0", "-9.0", null, null);
    // o-rv-1's 50,000 open when the quarter ended, against the 970,000 of the target not won.
    assertIndicator(quarter, "pipeline-coverage", "0.05", "0.03", "0.02", "3", "missed");
    // The funnel of a period counts every lead created in it, and other tests import history into these years:
    // ReviewBrowserTest checks the funnel on a quarter of its own.
    assertThat((List<Map<String, Object>>) indicator(quarter, "revenue-won").get("trend")).extracting(p -> p.get("period"))
        .containsExactly("2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1");
    // Q1: 21,000 + 9,000 credited over the programs of the quarter (7,000 + 3,000 + 5,000) = 2.00; Q4: 40,000 / 3,000.
    assertIndicator(quarter, "revenue-per-dollar", "2.00", "13.33", "-11.33", "3", "missed");
    // o-rv-1's 50,000 split over the two programs that touched its confirmed contact; rv-5's billboard earns nothing.
    assertThat(breakdown(quarter, "pipeline-by-program"))
        .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
            "rv-cfo-dinner-2024", List.of("25000", "0", "25000", "–"), "rv-webinar-2023", List.of("25000", "30000", "-5000", "–"))));
    assertThat(breakdown(quarter, "revenue-by-program"))
        .containsEntry("rv-cfo-dinner-2024", List.of("21000", "0", "21000", "–"))
        .containsEntry("rv-webinar-2023", List.of("9000", "40000", "-31000", "–"))
        .containsEntry("rv-billboard-2024", List.of("0", "0", "0", "–"));
    assertThat(breakdown(quarter, "loss-reasons"))
        .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("competitor-chosen", List.of("1", "0", "1", "–"), "no-budget", List.of("0", "1", "-1", "–"))));
  }

  @Test
  void thePackExportsAsCsvAndPrintsAsAPage() {
    final var csv = admin().getForEntity("/api/cadence-reviews/monthly/export.csv?period=2024-03", String.class);
    assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("cadence-review-monthly-2024-03.csv");
    assertThat(csv.getBody().lines().toList())
        .startsWith("period,section,group,item,unit,value,previous,delta,target,status")
        .contains("2024-03,indicator,,New MQLs,leads,4,3,1,93.0,missed")
        .contains("2024-03,MQLs against commitment by segment,,enterprise,leads,2,,,62,");

    final var page = admin().getForEntity("/reviews/weekly?period=2024-W10", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody())
        .contains("Weekly review · 2024-W10", "2024-03-04 to 2024-03-10", "href=\"/workbench.css\"", "/reviews/weekly/export.csv?period=2024-W10")
        .doesNotContain("Open the Grafana board")
        .containsPattern("data-key=\"mqls\">[\\s\\S]*?<td class=\"num value\">4</td>[\\s\\S]*?<td class=\"num delta\">\\+2</td>")
        .contains("?period=2024-W09", "?period=2024-W11");
    assertThat(admin().getForObject("/workbench.css", String.class)).as("printable: the navigation is left off paper")
        .contains("@media print { nav.periods { display: none; }");
  }

  @Test
  void aPeriodThatNamesNothingIsABadRequest() {
    for (final String bad : List.of("/api/cadence-reviews/weekly?period=2024-W54", "/api/cadence-reviews/monthly?period=2024-13",
        "/api/cadence-reviews/yearly?period=2024", "/api/cadence-reviews/quarterly?period=2024-03")) {
      final var response = admin().getForEntity(bad, Map.class);
      assertThat(response.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getHeaders().getContentType()).as(bad).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat((String) response.getBody().get("detail")).as(bad).isNotBlank();
    }
  }
}
