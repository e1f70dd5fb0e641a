package com.leadjourney.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Another CRM's export as it comes: semicolon separated, keyed on the CRM's record id with no
 * emails, the outcome as 1/0, extra columns kept as typed custom fields. Bad rows are reported per
 * row and column and downloadable as the file had them; the same file again adds nothing.
 */
class CrmExportImportTest extends EmbeddedAppTest {

  private static final Map<String, Object> MAPPING = Map.of(
      "externalId", "Prospect ID",
      "stageReached", Map.of("column", "Converted", "values", Map.of("1", "customer", "0", "lead")),
      "seniority", Map.of("column", "Job", "values", Map.of("Chief Executive", "c-level", "Vice President", "vp"), "unmapped", "keep"),
      "customFields.leadSource", "Lead Source",
      "customFields.timeOnSite", Map.of("column", "Total Time Spent on Website", "type", "number"),
      "customFields.lastActivityOn", Map.of("column", "Last Activity Date", "type", "date"),
      "createdAt", "Created");

  private static final String FILE = """
      Prospect ID;Lead Source;Total Time Spent on Website;Last Activity Date;Job;Converted;Created
      7927b2df;Google;1532;2024-03-02;Chief Executive;1;2024-03-01
      2a272436;Olark Chat;0;2024-03-04;Student;0;2024-03-02
      8cc8c611;Google;305;2024-03-05;Vice President;2;2024-03-03
      0cc2df48;Direct Traffic;lots;2024-03-06;Vice President;0;2024-03-04
      ;Referral;12;2024-03-07;Student;0;2024-03-05
      3256f628;"Reference; partner";1428;2024-03-08;Vice President;1;2024-03-06
      """;

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  private TestRestTemplate marketing() {
    return new LeadApi(http).admin();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRecordIdKeyedExportWithCustomColumnsAndCodedOutcomesImportsOnceAndReportsItsBadRows() {
    assertThat(marketing().exchange("/api/import-mappings/leadsquared", HttpMethod.PUT, new HttpEntity<>(MAPPING), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    final var first = imported("?mapping=leadsquared&fileName=prospects.csv");
    assertThat(first).as("%s", first.get("failure")).containsEntry("state", "done").containsEntry("totalRows", 6)
        .containsEntry("created", 3).containsEntry("duplicates", 0).containsEntry("rejected", 3);
    assertThat((List<Map<String, Object>>) first.get("problems"))
        .extracting(p -> p.get("row") + " " + p.get("column") + ": " + p.get("reason"))
        .containsExactly(
            "3 Converted: '2' is not among the mapping's values [0, 1]",
            "4 Total Time Spent on Website: must be a number, not 'lots'",
            "5 email: is required when the row has no externalId (map the CRM's record id to it)");

    final var ceo = jdbc.queryForMap("select email, seniority, history_stage, custom_fields, created_at from leads where external_id = '7927b2df'");
    assertThat(ceo).containsEntry("email", null).containsEntry("seniority", "c-level").containsEntry("history_stage", "customer");
    assertThat((String) ceo.get("custom_fields"))
        .as("numbers stay numbers, so a definition can test >= 300").isEqualTo("{\"lastActivityOn\":\"2024-03-02\",\"leadSource\":\"Google\",\"timeOnSite\":1532}");
    assertThat(jdbc.queryForObject("select seniority from leads where external_id = '2a272436'", String.class))
        .as("an unmapped value passes through where the mapping says keep").isEqualTo("student");
    assertThat(jdbc.queryForObject("select custom_fields from leads where external_id = '3256f628'", String.class))
        .as("a quoted separator stays in its value").contains("\"leadSource\":\"Reference; partner\"");
    assertThat(jdbc.queryForObject("select count(*) from leads where external_id in ('8cc8c611', '0cc2df48')", Integer.class))
        .as("nothing of a rejected row is stored").isZero();

    final var again = imported("?mapping=leadsquared&fileName=prospects.csv");
    assertThat(again).containsEntry("created", 0).containsEntry("duplicates", 3).containsEntry("rejected", 3);

    final var rejected = marketing().getForEntity("/api/imports/" + first.get("id") + "/rejected", String.class);
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rejected.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment");
    assertThat(rejected.getBody().lines().toList()).containsExactly(
        "Prospect ID,Lead Source,Total Time Spent on Website,Last Activity Date,Job,Converted,Created,Import row,Import problems",
        "8cc8c611,Google,305,2024-03-05,Vice President,2,2024-03-03,3,\"Converted: '2' is not among the mapping's values [0, 1]\"",
        "0cc2df48,Direct Traffic,lots,2024-03-06,Vice President,0,2024-03-04,4,\"Total Time Spent on Website: must be a number, not 'lots'\"",
        "\"\",Referral,12,2024-03-07,Student,0,2024-03-05,5,email: is required when the row has no externalId (map the CRM's record id to it)");

    final List<Map<String, Object>> recent = marketing().getForObject("/api/imports", List.class);
    assertThat(recent).extracting(i -> i.get("id")).startsWith(again.get("id"), first.get("id"));

    final var live = imported("?mapping=leadsquared&fileName=prospects-live.csv&startJourneys=true");
    assertThat((List<Map<String, Object>>) live.get("problems")).extracting(p -> p.get("row") + " " + p.get("column"))
        .as("a journey needs a way to reach the contact").contains("1 email", "2 email", "6 email");
    assertThat(live).containsEntry("created", 0);
  }

  @Test
  void aMappingThatCannotWorkOrAnEmptyFileIsRefusedWithTheReason() {
    final var typedAgreedField = marketing().exchange("/api/import-mappings/bad", HttpMethod.PUT,
        new HttpEntity<>(Map.of("companySize", Map.of("column", "Employees", "type", "date"))), Map.class);
    assertThat(typedAgreedField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) typedAgreedField.getBody().get("detail")).contains("only custom fields take a type");
    final var badName = marketing().exchange("/api/import-mappings/bad", HttpMethod.PUT,
        new HttpEntity<>(Map.of("customFields.time on site", "Time")), Map.class);
    assertThat(badName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) badName.getBody().get("detail")).contains("customFields.<name>");
    final var headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    final var empty = marketing().postForEntity("/api/imports", new HttpEntity<>(new byte[0], headers), Map.class);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) empty.getBody().get("detail")).isEqualTo("The CSV file is empty: send it with its header row first");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> imported(final String query) {
    final var headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    final var started = marketing().postForEntity("/api/imports" + query, new HttpEntity<>(FILE.getBytes(StandardCharsets.UTF_8), headers), Map.class);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    final String location = started.getHeaders().getLocation().toString();
    await().atMost(Duration.ofSeconds(30)).until(() -> !"running".equals(marketing().getForObject(location, Map.class).get("state")));
    return marketing().getForObject(location, Map.class);
  }
}
