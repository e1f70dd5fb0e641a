package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.OwnAppTest;
import com.leadjourney.security.ApiTokens;
import com.leadjourney.security.UserAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 12,200 bad inputs, generated with jqwik's arbitraries (the choices between them from a fixed
 * seed), over the API, the signed webhooks and CSV import previews — among them dates out of range or
 * not dates, JSON of the wrong type in every field of every JSON body, and bodies over the size
 * limit on every endpoint that takes one: every answer is a 4xx with a
 * problem+json body, never a 5xx (a preview may answer 200 with its per-row report when it refuses
 * every row), and nothing is stored. Calls carry an API token, so the run is not spent on bcrypt. An app of its
 * own, so no other test's journeys move the counts.
 */
class BadInputFuzzTest extends OwnAppTest {

  private static final long SEED = 20261126L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ONE_MEGABYTE = 1 << 20;
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final List<String> STORED = List.of(
      "leads", "human_task", "journey_event", "journey_outbox", "touch", "engagement", "feedback", "opportunity", "opportunity_update",
      "sales_team", "team_member", "out_of_office", "definition_version", "campaign", "marketing_target", "import_mapping", "lead_import",
      "account", "audit_event");

  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired JdbcTemplate jdbc;

  private final Random random = new Random(SEED);
  private final List<String> wrong = new ArrayList<>();
  private String token;

  /** One request and what came back. */
  private record Sent(HttpMethod method, String path, MediaType type, byte[] body, HttpHeaders extra) {}

  @Test
  void twelveThousandBadInputsGetProblemJson4xxAndStoreNothing() {
    accounts.create("fuzz-admin", List.of("ADMIN"));
    token = tokens.issue("fuzz-admin", "fuzzing", 1).secret();
    final Map<String, Long> before = counts();

    repeat(3_000, this::badLead);
    repeat(1_000, this::brokenJson);
    repeat(2_000, this::badWebhook);
    repeat(2_000, this::badCsvPreview);
    repeat(2_000, this::badParameter);
    repeat(1_000, this::badDate);
    repeat(1_100, this::wrongType);
    repeat(100, this::oversized);

    assertThat(wrong).as("answers that were not a problem+json 4xx (first 20 of %d)", wrong.size()).isEmpty();
    assertThat(counts()).as("nothing stored").isEqualTo(before);
  }

  private void repeat(final int times, final Supplier<Sent> input) {
    for (int i = 0; i < times; i++) {
      send(input.get());
    }
  }

  private void send(final Sent sent) {
    final var headers = new HttpHeaders();
    if (!sent.path().startsWith("/api/webhooks/")) {
      headers.setBearerAuth(token);
    }
    if (sent.type() != null) {
      headers.setContentType(sent.type());
    }
    headers.addAll(sent.extra());
    final var response = sent.body() != null && sent.body().length > ONE_MEGABYTE
        ? sendAskingFirst(sent, headers)
        : http.exchange(sent.path(), sent.method(), new HttpEntity<>(sent.body(), headers), String.class);
    final int status = response.getStatusCode().value();
    final var type = response.getHeaders().getContentType();
    final boolean problemJson4xx = status >= 400 && status < 500 && type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    if (!problemJson4xx && !(status == 200 && sent.path().startsWith("/api/imports/preview") && everyRowRefused(response.getBody()))) {
      if (wrong.size() < 20) {
        wrong.add(status + " " + type + " for " + sent.method() + " " + sent.path() + " "
            + (sent.body() == null ? "" : abbreviate(new String(sent.body(), StandardCharsets.UTF_8))) + " → " + abbreviate(accepted(response.getBody())));
      } else {
        wrong.add("…");
      }
    }
  }

  /**
   * A body over the limit is sent the way HTTP clients send large bodies (curl from 1 MB on): with
   * {@code Expect: 100-continue}, so the server's refusal arrives before the body is sent. Sent
   * without it, the refusal closes the connection while the client is still writing, and the client
   * sees a broken pipe instead of the 413 (what a client that does not ask first gets is
   * RequestBodyLimitTest's, which reads the answer while it writes).
   */
  private ResponseEntity<String> sendAskingFirst(final Sent sent, final HttpHeaders headers) {
    final var request = HttpRequest.newBuilder(URI.create(http.getRootUri() + sent.path()))
        .expectContinue(true)
        .method(sent.method().name(), HttpRequest.BodyPublishers.ofByteArray(sent.body()));
    headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    try {
      final var answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return ResponseEntity.status(answer.statusCode()).headers(h -> answer.headers().map().forEach(h::addAll)).body(answer.body());
    } catch (final java.io.IOException e) {
      throw new IllegalStateException(sent.method() + " " + sent.path() + ": " + e, e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A preview answers 200 with a report per row: fine when each row says what is wrong with it. */
  private static boolean everyRowRefused(final String body) {
    try {
      final List<Map<String, Object>> rows = JSON.readValue(body, List.class);
      return rows.stream().allMatch(r -> r.get("problems") instanceof Map<?, ?> problems && !problems.isEmpty());
    } catch (final Exception e) {
      return false;
    }
  }

  /** The rows of a preview nothing was found wrong with, else the whole answer. */
  private static String accepted(final String body) {
    try {
      final List<Map<String, Object>> rows = JSON.readValue(body, List.class);
      return rows.stream().filter(r -> !(r.get("problems") instanceof Map<?, ?> p && !p.isEmpty())).map(r -> "accepted " + r).toList().toString();
    } catch (final Exception e) {
      return body;
    }
  }

  private static String abbreviate(final String text) {
    return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  private Map<String, Long> counts() {
    final Map<String, Long> counts = new LinkedHashMap<>();
    STORED.forEach(table -> counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
    return counts;
  }

  /** One value; jqwik samples outside its own lifecycle from its own randomness, so a failure lists the input itself. */
  private static <T> T one(final Arbitrary<T> arbitrary) {
    return arbitrary.sample();
  }

  // --- what is generated ---------------------------------------------------------------------

  private static Arbitrary<String> text(final int max) {
    return Arbitraries.strings().all().ofMaxLength(max);
  }

  /** Never a valid address: no @, nothing before or after it, spaces, too long, or not a string at all. */
  private Arbitrary<Object> badEmail() {
    return Arbitraries.oneOf(
        text(40).filter(s -> !s.contains("@")).map(s -> (Object) s),
        text(20).map(s -> (Object) ("@" + s)),
        text(20).filter(s -> !s.contains("@")).map(s -> (Object) (s + "@")),
        Arbitraries.strings().alpha().ofLength(260).map(s -> (Object) (s + "@x.com")),
        Arbitraries.of(" ", "", "a b@c.com", "ada@@x.com", "ada@x..com", "<script>@x.com").map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.just((Object) List.of("a@b.com")),
        Arbitraries.just((Object) Map.of("address", "a@b.com")));
  }

  /** Fields that are wrong in ways the API promises to catch; at least one per body. */
  private Map<String, Arbitrary<Object>> violations() {
    final Map<String, Arbitrary<Object>> v = new LinkedHashMap<>();
    v.put("email", badEmail());
    v.put("consent", Arbitraries.oneOf(Arbitraries.just((Object) null), text(5).map(s -> (Object) ("x" + s)), Arbitraries.just((Object) List.of())));
    v.put("country", Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(5).map(s -> (Object) s),
        Arbitraries.strings().numeric().ofLength(2).map(s -> (Object) s)));
    v.put("source", Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(41).ofMaxLength(60).map(s -> (Object) s),
        Arbitraries.of("web form", "a/b", "é", "").map(s -> (Object) s)));
    v.put("company", Arbitraries.strings().alpha().ofMinLength(201).ofMaxLength(220).map(s -> (Object) s));
    v.put("customFields", Arbitraries.oneOf(Arbitraries.just((Object) "not-an-object"), Arbitraries.just((Object) List.of(1, 2)),
        Arbitraries.integers().between(51, 60).map(n -> {
          final Map<String, Object> many = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            many.put("f" + i, i);
          }
          return (Object) many;
        })));
    v.put("profile", Arbitraries.oneOf(Arbitraries.just((Object) "vp"), Arbitraries.just((Object) List.of("vp")),
        Arbitraries.just((Object) Map.of("companySize", "huge")), Arbitraries.just((Object) Map.of("companySize", -5))));
    return v;
  }

  private Map<String, Object> validLead() {
    final Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("email", "fuzz-" + random.nextInt(1_000_000) + "@fuzz-corp.com");
    lead.put("consent", true);
    lead.put("company", "Fuzz Corp");
    lead.put("country", "DE");
    lead.put("source", "webinar");
    lead.put("campaign", "fuzz");
    return lead;
  }

  private byte[] json(final Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (final Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A lead with one to three fields broken. */
  private Map<String, Object> badLeadBody() {
    final Map<String, Object> lead = validLead();
    final var violations = violations();
    final List<String> fields = new ArrayList<>(violations.keySet());
    final int broken = 1 + random.nextInt(3);
    for (int i = 0; i < broken; i++) {
      final String field = fields.get(random.nextInt(fields.size()));
      final Object value = one(violations.get(field));
      if (value == null) {
        lead.remove(field);
      } else {
        lead.put(field, value);
      }
    }
    return lead;
  }

  private Sent badLead() {
    return new Sent(HttpMethod.POST, "/api/leads", MediaType.APPLICATION_JSON, json(badLeadBody()), new HttpHeaders());
  }

  /** Cut short, random bytes, invalid UTF-8, absurd nesting, the wrong type of document. */
  private Sent brokenJson() {
    final byte[] valid = json(validLead());
    final byte[] body = switch (random.nextInt(5)) {
      case 0 -> java.util.Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 2));
      case 1 -> one(text(200)).getBytes(StandardCharsets.UTF_8);
      case 2 -> new byte[] {'{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
      case 3 -> "[".repeat(5_000 + random.nextInt(5_000)).getBytes(StandardCharsets.UTF_8);
      default -> json(List.of(validLead()));
    };
    return new Sent(HttpMethod.POST, "/api/leads", MediaType.APPLICATION_JSON, body, new HttpHeaders());
  }

  /** Unknown sources, missing or wrong signatures, and correctly signed bodies that are bad. */
  private Sent badWebhook() {
    final byte[] body = random.nextBoolean() ? json(badLeadBody()) : json(validLead());
    final var headers = new HttpHeaders();
    final String deliveryId = "fuzz-" + random.nextLong();
    headers.set("X-Delivery-Id", deliveryId);
    String source = "typeform";
    switch (random.nextInt(4)) {
      case 0 -> source = "fuzz-" + one(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10));
      case 1 -> headers.set("X-Signature", "t=" + Instant.now().getEpochSecond() + ",v1="
          + one(Arbitraries.strings().withChars("0123456789abcdef").ofLength(64)));
      case 2 -> { } // no signature
      default -> {
        // signed properly, so the body itself must be bad
        final byte[] bad = json(badLeadBody());
        headers.set("X-Signature", HmacSignature.header(EmbeddedAppTest.WEBHOOK_SOURCE_SECRET, Instant.now(), deliveryId, bad));
        return new Sent(HttpMethod.POST, "/api/webhooks/typeform", MediaType.APPLICATION_JSON, bad, headers);
      }
    }
    if (random.nextInt(10) == 0) {
      headers.remove("X-Delivery-Id");
    }
    return new Sent(HttpMethod.POST, "/api/webhooks/" + source, MediaType.APPLICATION_JSON, body, headers);
  }

  /** Imports are previewed: a CSV with no valid row, or not a CSV at all. */
  private Sent badCsvPreview() {
    final StringBuilder csv = new StringBuilder();
    switch (random.nextInt(4)) {
      case 0 -> csv.append(one(text(300)));
      case 1 -> csv.append("email,consent\n").append("\"unterminated,").append(one(text(50)));
      case 2 -> {
        csv.append("email,consent,country\n");
        for (int i = 0; i < 1 + random.nextInt(20); i++) {
          csv.append(one(badEmail()).toString().replace("\"", "").replace(",", "").replace("\n", "")).append(",yes,DE\n");
        }
      }
      default -> csv.append("");
    }
    return new Sent(HttpMethod.POST, "/api/imports/preview", MediaType.valueOf("text/csv"), csv.toString().getBytes(StandardCharsets.UTF_8),
        new HttpHeaders());
  }

  /** Garbage in paths, query parameters and the bodies of the other write endpoints. */
  private Sent badParameter() {
    final String junk = java.net.URLEncoder.encode(one(text(30)), StandardCharsets.UTF_8);
    final byte[] body = json(Map.of(one(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)), one(text(20))));
    return switch (random.nextInt(10)) {
      case 0 -> new Sent(HttpMethod.GET, "/api/cadence-reviews/" + one(Arbitraries.of("weekly", "monthly", "quarterly", "daily")) + "?period=x" + junk, null, null, new HttpHeaders());
      case 1 -> new Sent(HttpMethod.GET, "/api/marketing-pacing?month=x" + junk, null, null, new HttpHeaders());
      case 2 -> new Sent(HttpMethod.GET, "/api/programs/return?quarter=x" + junk + "&model=" + junk, null, null, new HttpHeaders());
      case 3 -> new Sent(HttpMethod.POST, "/api/opportunities/x" + junk + "/updates", MediaType.APPLICATION_JSON, body, new HttpHeaders());
      case 4 -> new Sent(HttpMethod.POST, "/api/tasks/" + random.nextInt(1000) + "/completion", MediaType.APPLICATION_JSON, body, new HttpHeaders());
      case 5 -> new Sent(HttpMethod.PUT, "/api/teams/fuzz-" + random.nextInt(100), MediaType.APPLICATION_JSON, body, new HttpHeaders());
      case 6 -> new Sent(HttpMethod.POST, "/api/definitions", MediaType.APPLICATION_JSON,
          json(Map.of("criteria", List.of(Map.of("tests", Map.of("fuzz" + junk, one(text(20))), "label", "x", "points", 1, "verdict", "fit")))),
          new HttpHeaders());
      case 7 -> new Sent(HttpMethod.POST, "/api/out-of-office", MediaType.APPLICATION_JSON, body, new HttpHeaders());
      case 8 -> new Sent(HttpMethod.PUT, "/api/marketing-targets/x" + junk + "/smb", MediaType.APPLICATION_JSON, json(Map.of("target", 10)), new HttpHeaders());
      default -> new Sent(HttpMethod.POST, "/api/leads/x" + junk + "/engagements", MediaType.APPLICATION_JSON, body, new HttpHeaders());
    };
  }

  // --- dates, types and sizes on every endpoint that takes a body ------------------------------

  /** An endpoint that takes a JSON body, with a body it would take: the generators below break one thing in it. */
  private record Target(HttpMethod method, String path, Map<String, Object> body) {}

  private static Map<String, Object> mutable(final Object... pairs) {
    final Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private List<Target> targets() {
    final String hourAgo = Instant.now().minusSeconds(3_600).toString();
    return List.of(
        new Target(HttpMethod.POST, "/api/leads", validLead()),
        new Target(HttpMethod.POST, "/api/leads/" + java.util.UUID.randomUUID() + "/engagements", mutable("type", "webinar", "occurredAt", hourAgo)),
        new Target(HttpMethod.POST, "/api/out-of-office", mutable("username", "xdr-ada", "startsAt", "2027-03-01T09:00:00Z", "endsAt", "2027-03-02T09:00:00Z",
            "reason", "fuzz")),
        new Target(HttpMethod.PUT, "/api/teams/fuzz-typed", mutable("name", "Fuzz", "function", "xdr", "isDefault", false, "timeZone", "UTC",
            "workDays", "MON,TUE", "opens", "09:00", "closes", "17:00", "members", List.of(mutable("username", "xdr-ada", "weight", 1, "active", true)),
            "holidays", List.of(mutable("day", "2027-01-01", "name", "New year")))),
        new Target(HttpMethod.POST, "/api/tasks/" + random.nextInt(1000) + "/completion", mutable("outcome", "recycle", "reason", "bad-timing", "objections", "x")),
        new Target(HttpMethod.POST, "/api/opportunities/" + java.util.UUID.randomUUID() + "/updates", mutable("stage", "proposal", "amount", 1000,
            "closeDate", "2027-06-30")),
        new Target(HttpMethod.PUT, "/api/marketing-targets/2027-01/smb", mutable("target", 10)),
        new Target(HttpMethod.POST, "/api/accounts", mutable("name", "Fuzz Typed", "domain", "fuzz-typed.com")),
        new Target(HttpMethod.PUT, "/api/import-mappings/fuzz-typed", mutable("email", "Email", "consent", "Consent")),
        new Target(HttpMethod.POST, "/api/definitions", mutable("version", "fuzz-typed", "title", "Fuzz", "criteria",
            List.of(mutable("tests", mutable("industry", "software"), "label", "x", "points", 10, "verdict", "fit")))));
  }

  /** A value of another JSON type than the one given (never the same value written differently). */
  private Object otherType(final Object value) {
    final List<Object> choices = switch (value) {
      case String s -> List.of(12345, true, List.of(s), Map.of("value", s));
      case Boolean b -> List.of("yes", 1, List.of(b), Map.of());
      case Integer n -> List.of(String.valueOf(n), n + 0.5, true, List.of(n), Map.of());
      case Map<?, ?> m -> List.of("x", 5, List.of(m));
      case List<?> l -> List.of("x", 5, Map.of("items", l));
      default -> List.of(Map.of("odd", true));
    };
    return choices.get(random.nextInt(choices.size()));
  }

  /** One field, at any depth (inside lists too), of one endpoint's body, of the wrong JSON type. */
  @SuppressWarnings("unchecked")
  private Sent wrongType() {
    final Target target = targets().get(random.nextInt(targets().size()));
    Map<String, Object> holder = target.body();
    while (true) {
      final List<String> keys = new ArrayList<>(holder.keySet());
      final String key = keys.get(random.nextInt(keys.size()));
      final Object value = holder.get(key);
      final Object inner = value instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> first ? first : value;
      if (inner instanceof Map<?, ?> nested && !nested.isEmpty() && random.nextBoolean()) {
        holder = (Map<String, Object>) nested; // go deeper
        continue;
      }
      holder.put(key, otherType(value));
      return new Sent(target.method(), target.path(), MediaType.APPLICATION_JSON, json(target.body()), new HttpHeaders());
    }
  }

  private static final List<Object> BAD_DATES = List.of(
      "2099-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2038-01-19T03:14:08Z",
      "+292278994-08-17T07:12:55.807Z", "2026-13-45T00:00:00Z", "2026-02-30T00:00:00Z", "yesterday", "", "1970-01-01T00:00:00Z", 4_102_444_800L); // (a number is read as epoch seconds: 2100)
  private static final List<Object> BAD_DAYS = List.of("2099-01-01", "1900-01-01", "0000-01-01", "2026-02-30", "2026-13-01", "01/02/2027", "", 20270101);
  /** For query parameters that may be left out, where empty means "not given": never empty. */
  private static final List<Object> BAD_GIVEN_DAYS = BAD_DAYS.stream().filter(d -> !"".equals(d)).toList();

  /** Dates out of what the database stores, not dates at all, or events from the future, wherever a date is taken. */
  @SuppressWarnings("unchecked")
  private Sent badDate() {
    final List<Target> targets = targets();
    final Object instant = BAD_DATES.get(random.nextInt(BAD_DATES.size()));
    final Object day = BAD_DAYS.get(random.nextInt(BAD_DAYS.size()));
    return switch (random.nextInt(7)) {
      case 0 -> {
        final var engagement = targets.get(1);
        // An engagement happened: a week ahead is as wrong as out of range.
        engagement.body().put("occurredAt", random.nextBoolean() ? instant : Instant.now().plusSeconds(7 * 86_400).toString());
        yield new Sent(engagement.method(), engagement.path(), MediaType.APPLICATION_JSON, json(engagement.body()), new HttpHeaders());
      }
      case 1 -> {
        final var absence = targets.get(2);
        absence.body().put(random.nextBoolean() ? "startsAt" : "endsAt", instant);
        yield new Sent(absence.method(), absence.path(), MediaType.APPLICATION_JSON, json(absence.body()), new HttpHeaders());
      }
      case 2 -> {
        final var team = targets.get(3);
        ((List<Map<String, Object>>) team.body().get("holidays")).get(0).put("day", day);
        yield new Sent(team.method(), team.path(), MediaType.APPLICATION_JSON, json(team.body()), new HttpHeaders());
      }
      case 3 -> {
        final var update = targets.get(5);
        update.body().put("closeDate", day);
        yield new Sent(update.method(), update.path(), MediaType.APPLICATION_JSON, json(update.body()), new HttpHeaders());
      }
      case 4 -> new Sent(HttpMethod.POST, "/api/definitions/suggestions?from=" + encoded(given(day)) + "&until=2026-06-30", null, null, new HttpHeaders());
      case 5 -> new Sent(HttpMethod.PUT, "/api/marketing-targets/" + encoded(day) + "/smb", MediaType.APPLICATION_JSON, json(Map.of("target", 10)), new HttpHeaders());
      default -> new Sent(HttpMethod.GET, "/api/cadence-reviews/" + one(Arbitraries.of("weekly", "monthly", "quarterly")) + "?period=" + encoded(given(day)), null, null,
          new HttpHeaders());
    };
  }

  private Object given(final Object day) {
    return "".equals(day) ? BAD_GIVEN_DAYS.get(random.nextInt(BAD_GIVEN_DAYS.size())) : day;
  }

  private static String encoded(final Object value) {
    return java.net.URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
  }

  /** Over the 1 MB limit (the size is refused before the body is read), on every endpoint that takes JSON, and the webhooks. */
  private Sent oversized() {
    final List<Target> targets = targets();
    final Target target = targets.get(random.nextInt(targets.size()));
    final Map<String, Object> body = target.body();
    body.put("padding", "x".repeat(ONE_MEGABYTE + random.nextInt(2 * ONE_MEGABYTE)));
    if (random.nextInt(5) == 0) {
      final var headers = new HttpHeaders();
      headers.set("X-Delivery-Id", "fuzz-big-" + random.nextLong());
      return new Sent(HttpMethod.POST, "/api/webhooks/typeform", MediaType.APPLICATION_JSON, json(body), headers);
    }
    return new Sent(target.method(), target.path(), MediaType.APPLICATION_JSON, json(body), new HttpHeaders());
  }
}
