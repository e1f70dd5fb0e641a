package com.leadjourney.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import java.io.ByteArrayOutputStream;
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
 * Importing a CSV of historical leads: 4 of 80 rows malformed (bad email, missing email, a date
 * nobody can read, a line that is not UTF-8) are reported with row, column and reason and stored
 * nowhere; every good row is stored once, without starting a journey; the same file again creates
 * nothing; another CRM's export imports through a saved column mapping.
 */
class LeadImportTest extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired LeadImports imports;

  private TestRestTemplate admin() {
    return new LeadApi(http).admin();
  }

  static byte[] eightyRows() {
    final var out = new ByteArrayOutputStream();
    out.writeBytes("email,firstName,company,country,source,campaign,consent,industry,seniority,budget,companySize,stageReached,createdAt\n"
        .getBytes(StandardCharsets.UTF_8));
    for (int i = 1; i <= 80; i++) {
      final String email = i == 10 ? "not-an-email" : i == 20 ? "" : "buyer" + i + "@import-corp" + (i % 7) + ".com";
      final String created = i == 30 ? "31/12/2024" : "2024-0" + (1 + i % 9) + "-15";
      final String stage = i % 10 == 0 ? "customer" : i % 3 == 0 ? "sql" : "lead";
      final String line = email + ",Buyer " + i + "," + (i == 40 ? "@@@" : "Import Corp " + (i % 7)) + ",US,import,old-crm,yes,software,director,approved,"
          + (50 + i) + "," + stage + "," + created + "\n";
      final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      if (i == 40) { // a Latin-1 byte sequence in the company column: C3 followed by '(' is not UTF-8
        final int at = line.indexOf("@@@");
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = '(';
        bytes[at + 2] = ')';
      }
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> imported(final byte[] csv, final String query) {
    final var headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    final var started = admin().postForEntity("/api/imports" + query, new HttpEntity<>(csv, headers), Map.class);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    final String location = started.getHeaders().getLocation().toString();
    await().atMost(Duration.ofSeconds(30)).until(() -> !"running".equals(admin().getForObject(location, Map.class).get("state")));
    return admin().getForObject(location, Map.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void badRowsAreReportedGoodRowsStoredOnceAndAnotherCrmsColumnsImportThroughASavedMapping() {
    final var first = imported(eightyRows(), "?fileName=old-crm.csv");
    assertThat(first).as("%s", first.get("failure")).containsEntry("state", "done").containsEntry("totalRows", 80).containsEntry("processedRows", 80)
        .containsEntry("created", 76).containsEntry("duplicates", 0).containsEntry("rejected", 4);
    assertThat((List<Map<String, Object>>) first.get("problems"))
        .extracting(p -> p.get("row") + " " + p.get("column") + ": " + p.get("reason"))
        .containsExactly(
            "10 email: must be a valid email address",
            "20 email: is required when the row has no externalId (map the CRM's record id to it)",
            "30 createdAt: must be a date like 2025-03-31 or 2025-03-31T14:00:00, not '31/12/2024'",
            "40 company: is not valid UTF-8 text (save the file as UTF-8)");
    final String id = (String) first.get("id");
    assertThat(jdbc.queryForObject("select count(*) from leads where import_id = ?", Integer.class, id)).isEqualTo(76);
    assertThat(jdbc.queryForObject("select count(*) from leads where email in ('not-an-email', '', 'buyer30@import-corp2.com', 'buyer40@import-corp5.com')",
        Integer.class)).as("nothing of a bad row is stored").isZero();
    assertThat(jdbc.queryForList("select distinct journey_state from leads where import_id = ?", String.class, id))
        .as("history starts no journey").containsExactly("ENDED");
    assertThat(jdbc.queryForObject("select count(*) from journey_outbox o join leads l on l.id = o.lead_id where l.import_id = ?", Integer.class, id))
        .isZero();
    assertThat(jdbc.queryForMap("select history_stage, created_at from leads where email = 'buyer50@import-corp1.com'"))
        .containsEntry("history_stage", "customer");

    final var again = imported(eightyRows(), "?fileName=old-crm.csv");
    assertThat(again).containsEntry("created", 0).containsEntry("duplicates", 76).containsEntry("rejected", 4);

    final var mapping = Map.of("email", "Email Address", "firstName", "First Name", "company", "Company Name", "consent", "Marketing Consent",
        "stageReached", "Lifecycle Stage", "createdAt", "Create Date");
    assertThat(admin().exchange("/api/import-mappings/hubspot", HttpMethod.PUT, new HttpEntity<>(mapping), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    final byte[] hubspot = """
        Email Address,First Name,Company Name,Marketing Consent,Lifecycle Stage,Create Date
        ada@hub-export.com,Ada,Hub Export,Yes,customer,2024-11-02T09:30:00Z
        alan@hub-export.com,Alan,Hub Export,No,SQL,2024-12-01
        grace@hub-export.com,Grace,Hub Export,yes,lead,2025-01-07T10:00:00
        """.getBytes(StandardCharsets.UTF_8);
    final var headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    final List<Map<String, Object>> preview =
        admin().postForObject("/api/imports/preview?mapping=hubspot", new HttpEntity<>(hubspot, headers), List.class);
    assertThat(preview).hasSize(3).allSatisfy(row -> assertThat((Map<String, Object>) row.get("problems")).isEmpty());
    assertThat(jdbc.queryForObject("select count(*) from leads where email like '%@hub-export.com'", Integer.class)).as("a preview stores nothing").isZero();

    final var viaMapping = imported(hubspot, "?mapping=hubspot&fileName=hubspot-export.csv");
    assertThat(viaMapping).containsEntry("created", 3).containsEntry("rejected", 0);
    assertThat(jdbc.queryForList("select history_stage from leads where email like '%@hub-export.com' order by email", String.class))
        .containsExactly("customer", "sql", "lead");

    final var unmapped = admin().postForEntity("/api/imports", new HttpEntity<>(hubspot, headers), Map.class);
    assertThat(unmapped.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) unmapped.getBody().get("detail")).contains("no column 'email'", "Email Address");
  }

  /** A live import: only contacts who agreed to be contacted get a journey; the others are history, and each says so. */
  @Test
  @SuppressWarnings("unchecked")
  void aLiveImportStartsJourneysOnlyForContactsWhoConsented() {
    final byte[] csv = """
        email,firstName,consent
        yes.please@consent-import.com,Yara,yes
        no.thanks@consent-import.com,Nils,no
        who.knows@consent-import.com,Wim,
        """.getBytes(StandardCharsets.UTF_8);
    final var done = imported(csv, "?fileName=consent.csv&startJourneys=true");
    assertThat(done).containsEntry("state", "done").containsEntry("created", 3).containsEntry("rejected", 0).containsEntry("noted", 2);
    assertThat((List<Map<String, Object>>) done.get("notes")).extracting(n -> n.get("row") + " " + n.get("column") + ": " + n.get("reason"))
        .containsExactly(
            "2 consent: no consent to be contacted: imported as history, no journey started",
            "3 consent: no consent to be contacted: imported as history, no journey started");
    assertThat(jdbc.queryForList(
            "select l.email from leads l join journey_outbox o on o.lead_id = l.id where l.email like '%@consent-import.com'", String.class))
        .as("one journey, for the one who agreed").containsExactly("yes.please@consent-import.com");
  }

  /** A crash after the first 40 rows were committed: at the next start the import carries on at row 41 and finishes. */
  @Test
  void anInterruptedImportResumesAtItsCheckpoint() {
    final byte[] csv = eightyRows().clone();
    final String text = new String(csv, StandardCharsets.ISO_8859_1).replace("@import-corp", "@resumed-corp");
    jdbc.update(
        """
        insert into lead_import (id, file_name, file_sha256, content, mapping, start_journeys, state, total_rows, next_row, created, requested_by, started_at)
        values ('interrupted-import', 'old-crm.csv', 'x', ?, ?, false, 'running', 80, 41, 37, 'admin', now(3))""",
        text.getBytes(StandardCharsets.ISO_8859_1),
        "{" + String.join(",", ImportRow.FIELDS.stream().map(f -> "\"" + f + "\":\"" + f + "\"").toList()) + "}");
    imports.resumeInterrupted();
    await().atMost(Duration.ofSeconds(30)).until(
        () -> "done".equals(jdbc.queryForObject("select state from lead_import where id = 'interrupted-import'", String.class)));
    assertThat(jdbc.queryForObject("select count(*) from leads where import_id = 'interrupted-import'", Integer.class))
        .as("rows 41-80 (row 40 is the bad one before the checkpoint)").isEqualTo(40);
    assertThat(jdbc.queryForObject("select count(*) from leads where email like 'buyer41@resumed-corp%'", Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from leads where email like 'buyer40@resumed-corp%' or email like 'buyer1@resumed-corp%'", Integer.class))
        .as("nothing before the checkpoint is read again").isZero();
    assertThat(jdbc.queryForObject("select created from lead_import where id = 'interrupted-import'", Integer.class)).isEqualTo(77);
    assertThat(jdbc.queryForObject("select content is null from lead_import where id = 'interrupted-import'", Boolean.class))
        .as("the file is dropped once imported").isTrue();
  }
}
