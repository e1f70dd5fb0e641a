package com.leadjourney.prequalification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.JourneyDriver;
import com.leadjourney.JourneyTest;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Input the API accepts must never wedge a journey. An engagement dated 2099 was once accepted,
 * stored as a zero date and failed qualification for good; now dates out of range or in the future
 * are a 400 naming the field, JSON of the wrong type too, and after every odd input that is
 * accepted the journey still reaches its XDR task.
 */
class InputThatCannotWedgeTest extends JourneyTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired java.time.Clock clock; // the app's: it follows the engine's, which other tests move on

  @Test
  void anEngagementFromTheFutureOrBeforeTheDatabasesRangeIsRefusedAndTheJourneyGoesOn() {
    final JourneyDriver driver = driver();
    final String leadId = driver.accepted("wedge@odd-dates.com", "webinar", null, JourneyDriver.STRONG_FIT.replace("\n", ""));

    final var future = engage(leadId, "2099-01-01T00:00:00Z");
    assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(future.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) future.getBody().get("detail")).contains("occurredAt").contains("between 1971-01-01 and 2037-12-31");
    final var tomorrow = engage(leadId, clock.instant().plus(1, ChronoUnit.DAYS).toString());
    assertThat(tomorrow.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) tomorrow.getBody().get("detail")).contains("occurredAt").contains("must not be in the future");
    assertThat(engage(leadId, "1900-01-01T00:00:00Z").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    // Odd but fine: a minute ahead (clock skew between systems) and a decade ago.
    assertThat(engage(leadId, clock.instant().plus(1, ChronoUnit.MINUTES).toString()).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(engage(leadId, "2016-05-01T10:00:00Z").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    driver.passEnrichmentWindow(leadId);
    assertThat(driver.awaitTask(leadId, "xdr-handoff")).as("qualified and routed despite the odd dates").isNotNull();
  }

  /**
   * Odd but valid: what real forms and CRMs send. Each is accepted, judged by the definition, and its
   * journey reaches its next wait state (an XDR's task, a nurture track) or its end, not an incident.
   */
  @Test
  void oddButValidLeadsAreAcceptedAndEachJourneyReachesItsNextWaitState() {
    final String fit = JourneyDriver.STRONG_FIT.replace("\n", "");
    final List<String> odd = List.of(
        "\"firstName\":\"Zoë 🚀\",\"lastName\":\"O'Brien-Łukasiewicz\",\"company\":\"株式会社 Ünïcode\"",
        "\"firstName\":\"" + "A".repeat(100) + "\",\"title\":\"" + "T".repeat(200) + "\",\"campaign\":\"" + "c".repeat(200) + "\"",
        "\"country\":\"de\",\"phone\":\"+1 (555) 010-0199\",\"source\":\"partner_referral\"",
        "\"customFields\":{\"nested\":{\"deep\":[1,2,{\"x\":null}]},\"when\":\"2031-02-03\",\"empty\":\"\",\"big\":1e300,\"ünï\":true}",
        "\"profile\":{\"industry\":\"software\",\"companySize\":2147483647,\"annualRevenue\":9223372036854775807,\"seniority\":\"VP\"}",
        "\"profile\":{\"companySize\":0,\"budget\":\"APPROVED\",\"role\":\"Decision Maker\"}",
        "\"firstName\":\"\",\"lastName\":\"   \",\"company\":\"\"");
    final JourneyDriver driver = driver();
    final List<String> leadIds = new java.util.ArrayList<>();
    for (int i = 0; i < odd.size(); i++) {
      final String body = "{\"email\":\"odd-" + i + "@odd-but-valid.com\",\"consent\":true,\"source\":\"webinar\",\"profile\":" + fit + "," + odd.get(i) + "}";
      // A later key wins in JSON objects as Jackson reads them: the odd source or profile replaces the default one.
      final var accepted = api().post(body, null);
      assertThat(accepted.getStatusCode()).as("odd input %d: %s", i, accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
      leadIds.add((String) accepted.getBody().get("id"));
    }
    driver.passEnrichmentWindow(leadIds.toArray(String[]::new));
    for (int i = 0; i < leadIds.size(); i++) {
      final String leadId = leadIds.get(i);
      // Decided: an XDR's task, nurture, or (the tiny company of input 5 is below the definition's minimum) disqualified.
      await().atMost(java.time.Duration.ofSeconds(60)).alias("odd input " + i + " reaches a wait state or its end")
          .until(() -> driver.timelineTypes(leadId).stream().anyMatch(t -> t.equals("TASK_OPENED") || t.equals("NURTURE_PLANNED") || t.equals("JOURNEY_CLOSED")));
      assertThat(driver.timelineTypes(leadId)).as("odd input %d was judged by the definition", i).contains("QUALIFIED");
    }
  }

  @Test
  @SuppressWarnings("rawtypes")
  void jsonOfTheWrongTypeIsRefusedNamingTheField() {
    final var number = api().post("{\"email\":\"typed@odd-json.com\",\"consent\":true,\"firstName\":12345}", null);
    assertThat(number.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) number.getBody().get("detail")).isEqualTo("Field 'firstName' must be a string, not 12345");
    final ResponseEntity<Map> word = api().post("{\"email\":\"typed@odd-json.com\",\"consent\":\"yes\"}", null);
    assertThat(word.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) word.getBody().get("detail")).startsWith("Field 'consent' must be true or false");
    final var size = api().post("{\"email\":\"typed@odd-json.com\",\"consent\":true,\"profile\":{\"companySize\":\"500\"}}", null);
    assertThat(size.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) size.getBody().get("detail")).startsWith("Field 'profile.companySize' must be a number");
    assertThat(jdbc.queryForObject("select count(*) from leads where email = 'typed@odd-json.com'", Integer.class)).as("nothing stored").isZero();
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> engage(final String leadId, final String occurredAt) {
    final var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return driver().admin().postForEntity("/api/leads/" + leadId + "/engagements",
        new HttpEntity<>("{\"type\":\"webinar\",\"occurredAt\":\"" + occurredAt + "\"}", headers), Map.class);
  }
}
