package com.leadjourney.prequalification;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyDriver;
import com.leadjourney.JourneyTest;
import java.time.temporal.ChronoUnit;
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
