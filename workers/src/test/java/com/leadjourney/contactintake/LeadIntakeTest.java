package com.leadjourney.contactintake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import com.leadjourney.engine.embedded.EmbeddedEngine;
import com.leadjourney.lead.LeadRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A lead posted to the API walks into its journey; bad input stores nothing. */
class LeadIntakeTest extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;
  @Autowired EmbeddedEngine engine;
  @Autowired LeadRepository leads;
  @Autowired OutboxRepository outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  private LeadApi api() {
    return new LeadApi(http);
  }

  private ResponseEntity<Map> post(final String json, final String idempotencyKey) {
    return api().post(json, idempotencyKey);
  }

  private Map<?, ?> lead(final Object id) {
    return api().lead(id);
  }

  private TestRestTemplate admin() {
    return api().admin();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> timeline(final Map<?, ?> lead) {
    return (List<Map<String, Object>>) lead.get("timeline");
  }

  private static long count(final Map<?, ?> lead, final String type) {
    return timeline(lead).stream().filter(e -> type.equals(e.get("type"))).count();
  }

  @Test
  void aPostedLeadEntersItsJourneyAndMovesOnWhenTheEnrichmentWindowCloses() {
    final var accepted =
        post(
            """
            {"email":" Ada.Lovelace@Example.COM ","firstName":"Ada","lastName":"Lovelace",
             "company":"Analytical Engines Ltd","title":"CTO","country":"gb","source":"web-form",
             "campaign":"q4-webinar","consent":true,"customFields":{"employees":120}}""",
            null);

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    final Object id = accepted.getBody().get("id");
    assertThat(accepted.getBody().get("stage")).isEqualTo("new");
    assertThat(accepted.getHeaders().getLocation()).hasToString("/api/leads/" + id);

    await().atMost(Duration.ofSeconds(30))
        .until(() -> timeline(lead(id)).stream().anyMatch(e -> "ACCOUNT_MATCHED".equals(e.get("type"))));
    final var inIntake = lead(id);
    assertThat(inIntake.get("stage")).as("waiting for enrichment").isEqualTo("contact-intake");
    assertThat(inIntake.get("email")).isEqualTo("ada.lovelace@example.com");
    assertThat(inIntake.get("country")).isEqualTo("GB");
    assertThat(timeline(inIntake)).extracting(e -> e.get("type"))
        .containsExactly("LEAD_ACCEPTED", "ENGAGED", "JOURNEY_STARTED", "STAGE_ENTERED", "ACCOUNT_MATCHED");

    engine.advanceClock(Duration.ofMinutes(5)); // past the enrichment window, no sleeping
    await().atMost(Duration.ofSeconds(30))
        .until(() -> timeline(lead(id)).stream().anyMatch(e -> "QUALIFIED".equals(e.get("type"))));
    assertThat(timeline(lead(id))).filteredOn(e -> "STAGE_ENTERED".equals(e.get("type")))
        .extracting(e -> e.get("stage"))
        .startsWith("contact-intake", "pre-qualification");
  }

  @Test
  void theSameIdempotencyKeyTwiceGivesOneLeadAndOneJourney() {
    final String key = UUID.randomUUID().toString();
    final String body = """
        {"email":"grace@example.com","source":"webinar","consent":true}""";

    final var first = post(body, key);
    final var second = post(body, key);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(second.getBody().get("id")).isEqualTo(first.getBody().get("id"));
    assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    final Object id = first.getBody().get("id");
    await().atMost(Duration.ofSeconds(30)).until(() -> "contact-intake".equals(lead(id).get("stage")));
    final var third = post(body, key); // after the journey started, too
    assertThat(third.getBody().get("id")).isEqualTo(id);
    assertThat(count(lead(id), "JOURNEY_STARTED")).isEqualTo(1);
    assertThat(count(lead(id), "STAGE_ENTERED")).isEqualTo(1);
  }

  @Test
  void aKeyReusedForADifferentLeadIsRefused() {
    final String key = UUID.randomUUID().toString();
    post("""
        {"email":"one@example.com","consent":true}""", key);

    final var reused = post("""
        {"email":"two@example.com","consent":true}""", key);

    assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(reused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) reused.getBody().get("detail")).contains("Idempotency-Key");
  }

  @Test
  void badInputGetsProblemJsonAndStoresNothing() {
    final long before = leads.count();

    final var invalid = post("""
        {"email":"not-an-email","country":"Germany"}""", null);
    final var unknownField = post("""
        {"email":"a@example.com","consent":true,"emial":"typo"}""", null);
    final var notJson = post("{", null);

    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(invalid.getBody().get("errors").toString())
        .contains("email", "consent", "country");
    assertThat((String) unknownField.getBody().get("detail")).contains("emial");
    assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(leads.count()).isEqualTo(before);
  }

  @Test
  void theApiNeedsCredentialsAndAnUnknownLeadIsA404() {
    final var anonymous = http.getForEntity("/api/leads/x", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(http.withBasicAuth("admin", "wrong").getForEntity("/api/leads/x", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    final var missing = admin().getForEntity("/api/leads/no-such-lead", Map.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat((String) missing.getBody().get("detail")).contains("no-such-lead");
  }

  /**
   * Every accepted lead leaves a dispatched outbox entry behind. Finding the next lead for the engine
   * must not read past them, or intake slows with every lead the product ever took: ordered by id
   * alone, MariaDB walked the primary key from the oldest entry whenever a few hundred waited.
   */
  @Test
  void findingTheNextLeadForTheEngineDoesNotReadPastTheLeadsAlreadyHandedOver() {
    final Object id = post("""
        {"email":"history@example.com","consent":true}""", null).getBody().get("id");
    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.countByDispatchedAtIsNull() == 0);
    final int handedOver = 20_000;
    final long last = jdbc.queryForObject("select max(id) from journey_outbox", Long.class);
    jdbc.update("""
        insert into journey_outbox (lead_id, created_at, next_attempt_at, attempts, dispatched_at)
        select ?, now(3), now(3), 1, now(3) from seq_1_to_%d""".formatted(handedOver), id);
    // A burst waiting behind them, due in an hour so that the app's own relay leaves it alone.
    jdbc.update("""
        insert into journey_outbox (lead_id, created_at, next_attempt_at)
        select ?, now(3), now(3) + interval 1 hour from seq_1_to_300""", id);
    try {
      final long before = rowsRead();
      for (int i = 0; i < 10; i++) {
        final List<OutboxEntry> due = transaction.execute(tx -> outbox.lockNextDue(Instant.now().plus(Duration.ofHours(2)), Limit.of(1)));
        assertThat(due).as("one of the waiting burst").extracting(OutboxEntry::getLeadId, OutboxEntry::getAttempts)
            .containsExactly(tuple(id.toString(), 0));
      }
      // The whole app shares the counter (the relay polls, too); reading the handed-over entries even once is 20,000.
      assertThat(rowsRead() - before).as("rows read by 10 lookups, and whatever else ran meanwhile").isLessThan(handedOver);
    } finally {
      jdbc.update("delete from journey_outbox where id > ?", last);
    }
  }

  /** Index and table rows MariaDB read, server-wide. */
  private long rowsRead() {
    return jdbc.queryForList("show global status where variable_name in ('Handler_read_next', 'Handler_read_rnd_next', 'Handler_read_prev')")
        .stream().mapToLong(row -> Long.parseLong(row.get("Value").toString())).sum();
  }
}
