package com.leadjourney.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.JourneyDriver;
import com.leadjourney.JourneyTest;
import com.leadjourney.LeadApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The right to erasure (GDPR Art. 17): a contact who reached opportunity — merged from a second
 * form fill, touched with notes, objections written, an event subscriber not reachable, a CSV of
 * theirs rejected by an import — is erased by the privacy officer. Afterwards no table, no file of the
 * engine's state or kept log, and no metric holds their email, names or phone; what leadership
 * counts (the opportunity's amount, the stage reached) stays; subscribers get {@code lead.erased}.
 */
class LeadErasureTest extends JourneyTest {

  private static final String EMAIL = "zoltana.quibbleworth@erasure-fjord.com";
  private static final String FIRST = "Zoltana";
  private static final String LAST = "Quibbleworth";
  private static final String NEW_LAST = "Quibbleworth-Vane";
  private static final String PHONE = "+44 20 7946 0321";
  private static final List<String> IDENTIFIERS = List.of(EMAIL, FIRST, LAST, NEW_LAST, PHONE, "7946 0321");

  @Autowired JdbcTemplate jdbc;

  @Value("${leadjourney.engine.state-dir}")
  Path engineState;

  @AfterEach
  void unsubscribe() {
    driver().admin().exchange("/api/event-subscriptions/erasure-crm", HttpMethod.DELETE, null, Void.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anErasedContactLeavesNoTraceInAnyTableTheEngineOrTheMetricsWhileTheNumbersStay() throws Exception {
    final var driver = driver();
    final var admin = driver.admin();
    // Nobody listens at this port: every event waits undelivered.
    assertThat(admin.exchange("/api/event-subscriptions/erasure-crm", HttpMethod.PUT, new HttpEntity<>(Map.of(
        "url", "http://127.0.0.1:" + EmbeddedAppTest.freePort() + "/events", "secret", "erasure-crm-secret-0123")), Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    final String leadId = new LeadApi(http).accept(form(LAST));
    driver.passEnrichmentWindow(leadId);
    final var xdrTask = driver.awaitTask(leadId, "xdr-handoff");
    final String secondFill = new LeadApi(http).accept(form(NEW_LAST)); // the same person again: merged into the open lead
    await().atMost(Duration.ofSeconds(60)).until(() -> driver.timelineTypes(leadId).contains("CONTACT_MERGED"));
    assertThat(admin.postForEntity("/api/tasks/" + xdrTask.get("userTaskKey") + "/touches",
        Map.of("kind", "call", "note", "Spoke with " + FIRST + "; call back on " + PHONE), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    driver.complete(xdrTask, Map.of("outcome", "meeting-booked", "objections", FIRST + " " + NEW_LAST + " worries about price"));
    driver.complete(driver.awaitTask(leadId, "sales-acceptance"), Map.of("outcome", "accepted"));
    final var opportunity = driver.awaitOpportunity(leadId);
    driver.updateOpportunity(opportunity, Map.of("amount", 61000));
    await().atMost(Duration.ofSeconds(30)).until(() -> amountOf((String) opportunity.get("id")) == 61000);
    importRejectedRowOf(admin);

    assertThat(hitsInTables(EMAIL)).as("before: the search finds the contact").isNotEmpty();
    assertThat(hitsInEngineFiles(leadId)).as("before: the engine's files are searchable (they hold the lead's id)").isNotEmpty();
    assertThat(jdbc.queryForObject("select count(*) from event_delivery d join event_outbox o on o.id = d.outbox_id where o.lead_id = ? and d.state <> 'delivered'",
        Integer.class, leadId)).as("events waiting undelivered").isPositive();

    final var privacyOfficer = admin.postForEntity("/api/users", Map.of("username", "privacy-officer", "roles", List.of("PRIVACY")), Map.class);
    final var xdr = admin.postForEntity("/api/users", Map.of("username", "erasure-xdr", "roles", List.of("XDR")), Map.class);
    final var refused = http.withBasicAuth("erasure-xdr", (String) xdr.getBody().get("password"))
        .postForEntity("/api/leads/" + leadId + "/erasure", null, Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    final var asOfficer = http.withBasicAuth("privacy-officer", (String) privacyOfficer.getBody().get("password"));
    final var erased = asOfficer.postForEntity("/api/leads/" + leadId + "/erasure", null, Map.class);
    assertThat(erased.getStatusCode()).as("%s", erased.getBody()).isEqualTo(HttpStatus.OK);
    assertThat((List<Object>) erased.getBody().get("erasedLeads")).containsExactlyInAnyOrder(leadId, secondFill);
    assertThat(erased.getBody()).containsEntry("journeysCanceled", true);

    for (final String identifier : IDENTIFIERS) {
      assertThat(hitsInTables(identifier)).as("tables holding '%s'", identifier).isEmpty();
      assertThat(hitsInEngineFiles(identifier)).as("engine files holding '%s'", identifier).isEmpty();
    }
    final String metrics = new LeadApi(http).scrape();
    assertThat(IDENTIFIERS).noneMatch(metrics::contains);

    final long journeyKey = ((Number) driver.journey(leadId).get("processInstanceKey")).longValue();
    assertThat(engine.notHeld(List.of(journeyKey))).as("the journey is canceled").containsExactly(journeyKey);
    assertThat((Map<Object, Object>) driver.journey(leadId)).containsEntry("state", "ENDED").containsEntry("result", "erased");
    assertThat(amountOf((String) opportunity.get("id"))).as("pipeline $ stays").isEqualTo(61000);
    assertThat(jdbc.queryForObject("select count(*) from event_outbox where lead_id = ? and type = 'com.leadjourney.lead.erased'", Integer.class, leadId))
        .isEqualTo(1);
    final List<Map<String, Object>> audit = admin.getForObject("/api/leads/" + leadId + "/audit", List.class);
    assertThat(audit).filteredOn(e -> "lead.erased".equals(e.get("action"))).singleElement().satisfies(e -> {
      assertThat(e.get("actor")).isEqualTo("privacy-officer");
      assertThat(e.get("before")).isNull();
      assertThat(e.get("after")).isNull();
    });

    assertThat(asOfficer.postForEntity("/api/leads/" + leadId + "/erasure", null, Map.class).getStatusCode()).as("asked again").isEqualTo(HttpStatus.OK);
    assertThat(asOfficer.postForEntity("/api/leads/no-such-lead/erasure", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static String form(final String lastName) {
    return """
        {"email":"%s","firstName":"%s","lastName":"%s","phone":"%s","title":"Head of Platform","consent":true,"company":"Erasure Fjord",
         "source":"webinar","customFields":{"note":"prefers %s"},"profile":%s}"""
        .formatted(EMAIL, FIRST, lastName, PHONE, FIRST, JourneyDriver.STRONG_FIT.replace("\n", ""));
  }

  /** A CRM export with a row of theirs the import rejects (a mistyped email): the row is kept for download as the file had it. */
  private static void importRejectedRowOf(final org.springframework.boot.test.web.client.TestRestTemplate admin) {
    final var headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    final String csv = "email,firstName,lastName,phone\nzoltana.q@erasure-fjord," + FIRST + "," + LAST + "," + PHONE + "\n";
    final var started = admin.postForEntity("/api/imports?fileName=erasure.csv", new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), Map.class);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    final String location = started.getHeaders().getLocation().toString();
    await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(admin.getForObject(location, Map.class).get("state")));
    assertThat(admin.getForObject(location, Map.class)).containsEntry("rejected", 1);
  }

  private long amountOf(final String opportunityId) {
    final var amount = jdbc.queryForObject("select amount from opportunity where id = ?", java.math.BigDecimal.class, opportunityId);
    return amount == null ? 0 : amount.longValue();
  }

  /** "table.column" for every text column of every table in the schema that holds the value, any case. */
  private List<String> hitsInTables(final String value) {
    final List<String> hits = new ArrayList<>();
    final var columns = jdbc.queryForList(
        """
        select table_name, column_name from information_schema.columns
        where table_schema = database() and data_type in ('char', 'varchar', 'text', 'mediumtext', 'longtext', 'tinytext', 'blob', 'longblob', 'mediumblob', 'json')""");
    for (final var column : columns) {
      final String table = (String) column.get("TABLE_NAME");
      final String name = (String) column.get("COLUMN_NAME");
      final Integer count = jdbc.queryForObject(
          "select count(*) from `" + table + "` where lower(convert(`" + name + "` using utf8mb4)) like ?", Integer.class, "%" + value.toLowerCase() + "%");
      if (count != null && count > 0) {
        hits.add(table + "." + name + " (" + count + ")");
      }
    }
    return hits;
  }

  /**
   * The engine's files holding the value's bytes: its live state, and what it keeps across restarts
   * (checkpoints of state and log, the journal of its log) in the sibling dir {@code -kept}.
   */
  private List<String> hitsInEngineFiles(final String value) throws IOException {
    final byte[] needle = value.getBytes(StandardCharsets.UTF_8);
    final List<String> hits = new ArrayList<>();
    for (final Path dir : List.of(engineState, engineState.resolveSibling(engineState.getFileName() + "-kept"))) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(Files::isRegularFile).filter(f -> contains(f, needle)).map(Path::toString).forEach(hits::add);
      }
    }
    return hits;
  }

  private static boolean contains(final Path file, final byte[] needle) {
    final byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (final IOException e) {
      if (!Files.exists(file)) {
        return false; // a checkpoint or segment replaced while walking
      }
      throw new UncheckedIOException(e);
    }
    outer:
    for (int i = 0; i <= bytes.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
