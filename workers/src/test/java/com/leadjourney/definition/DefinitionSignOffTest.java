package com.leadjourney.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.leadjourney.JourneyDriver;
import com.leadjourney.OwnAppTest;
import com.leadjourney.security.UserAccounts;
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
import org.springframework.http.ResponseEntity;

/**
 * The agreed definition's sign-off: a draft goes live only when one marketing and one sales signer
 * — two different people — signed the proposed version; the new live version retires the old one,
 * leads qualified before keep the version that qualified them, and a lead's trace names the
 * criteria that fired with the inputs they saw. Its own app: the live definition is everyone's.
 */
class DefinitionSignOffTest extends OwnAppTest {


  @Autowired UserAccounts accounts;

  /** Budget approved at director level or above is worth 40 by itself; competitors are out. */
  private static final Map<String, Object> DRAFT = Map.of(
      "version", "v2-budget-first",
      "title", "Budget first",
      "criteria", List.of(
          Map.of("tests", Map.of("budget", "\"approved\"", "seniority", "\"director\",\"vp\",\"c-level\""),
              "label", "budget approved at director level or above", "points", 40, "verdict", "fit"),
          Map.of("tests", Map.of("industry", "\"software\",\"retail\""), "label", "target industry", "points", 15, "verdict", "fit"),
          Map.of("tests", Map.of("industry", "\"competitor\""), "label", "works for a competitor", "points", 0, "verdict", "disqualify"),
          Map.of("tests", Map.of("customFields.partnerTier", "\"gold\",\"platinum\""), "label", "comes through a top partner", "points", 10,
              "verdict", "fit")),
      "thresholds", Map.of("mqlFit", 50, "mqlEngagement", 10, "hotFit", 80, "hotEngagement", 20, "halfLife", "P14D",
          "engagementPoints", Map.of("webinar", 25, "form-fill", 10, "other", 5)));

  private TestRestTemplate as(final String user, final String password) {
    return http.withBasicAuth(user, password);
  }

  @SuppressWarnings("rawtypes")
  private static ResponseEntity<Map> post(final TestRestTemplate client, final String uri, final Object body) {
    return client.postForEntity(uri, body, Map.class);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> definition(final String version) {
    return api().admin().getForObject("/api/definitions/" + version, Map.class);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> traces(final String leadId) {
    return api().admin().getForObject("/api/leads/" + leadId + "/qualification", List.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDefinitionGoesLiveOnlyWithOneMarketingAndOneSalesSignatureFromTwoPeople() {
    final var marketing = as("maria", accounts.create("maria", List.of("MARKETING", "SALES")));
    final var sales = as("sam", accounts.create("sam", List.of("SALES")));
    final var xdr = as("xena", accounts.create("xena", List.of("XDR")));
    final var driver = driver();
    final String before = driver.lead("cio@acme-before.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    driver.awaitTimeline(before, "QUALIFIED");
    assertThat(traces(before)).singleElement().satisfies(t -> assertThat(t.get("definitionVersion")).isEqualTo("v1-default"));
    assertThat(definition("v1-default")).containsEntry("state", "live");

    assertThat(post(marketing, "/api/definitions", DRAFT).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(post(marketing, "/api/definitions/v2-budget-first/signatures", Map.of("side", "marketing")).getStatusCode())
        .as("a draft cannot be signed").isEqualTo(HttpStatus.CONFLICT);
    assertThat(post(marketing, "/api/definitions/v2-budget-first/proposal", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(marketing.exchange("/api/definitions/v2-budget-first", HttpMethod.PUT, new HttpEntity<>(DRAFT), Map.class).getStatusCode())
        .as("what people sign no longer changes").isEqualTo(HttpStatus.CONFLICT);

    assertThat(post(xdr, "/api/definitions/v2-budget-first/signatures", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(marketing, "/api/definitions/v2-budget-first/signatures", null).getStatusCode())
        .as("two roles: say which side").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post(marketing, "/api/definitions/v2-budget-first/signatures", Map.of("side", "marketing")).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(definition("v2-budget-first")).as("marketing alone never goes live").containsEntry("state", "proposed");
    assertThat(post(marketing, "/api/definitions/v2-budget-first/signatures", Map.of("side", "engineering")).getStatusCode())
        .as("there are two sides").isEqualTo(HttpStatus.BAD_REQUEST);
    final var bothSides = post(marketing, "/api/definitions/v2-budget-first/signatures", Map.of("side", "SALES"));
    assertThat(bothSides.getStatusCode()).as("one person cannot sign both sides").isEqualTo(HttpStatus.CONFLICT);
    assertThat((String) bothSides.getBody().get("detail")).contains("two different people");
    assertThat(definition("v2-budget-first")).containsEntry("state", "proposed");

    assertThat(post(sales, "/api/definitions/v2-budget-first/signatures", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(definition("v2-budget-first")).containsEntry("state", "live").extracting("signatures").asList().hasSize(2);
    assertThat(definition("v1-default")).as("the new live version retires the old").containsEntry("state", "retired");
    final List<Map<String, Object>> trail = api().admin().getForObject("/api/audit?subjectType=definition&subjectId=v2-budget-first", List.class);
    assertThat(trail).as("who did what to the definition").extracting(e -> List.of(e.get("actor"), e.get("action"), e.get("after")))
        .containsExactly(
            List.of("maria", "definition.drafted", Map.of("state", "draft")),
            List.of("maria", "definition.proposed", Map.of("state", "proposed")),
            List.of("maria", "definition.signed", Map.of("side", "marketing", "state", "proposed")),
            List.of("sam", "definition.signed", Map.of("side", "sales", "state", "live")));

    // A director with approved budget at a software company, sent by a gold partner: 40 + 15 + 10 under v2.
    final String after = api().accept("""
        {"email":"director@acme-after.com","consent":true,"company":"Acme After","source":"webinar","campaign":"webinar-q3",
         "customFields":{"partnerTier":"gold"},
         "profile":{"industry":"software","seniority":"director","budget":"approved","companySize":30}}""");
    driver.passEnrichmentWindow(after);
    driver.awaitTimeline(after, "QUALIFIED");
    assertThat(traces(after)).singleElement().satisfies(t -> {
      assertThat(t).containsEntry("definitionVersion", "v2-budget-first").containsEntry("fitScore", 65).containsEntry("outcome", "mql");
      assertThat(((Number) t.get("engagementScore")).doubleValue()).as("v2 scores a webinar 25 (the default: 15)").isCloseTo(25.0, within(0.5));
      assertThat((List<Map<String, Object>>) t.get("matchedRules")).extracting(r -> r.get("criterion"))
          .containsExactlyInAnyOrder("budget approved at director level or above", "target industry", "comes through a top partner");
      assertThat((Map<String, Object>) t.get("inputs")).containsEntry("budget", "approved").containsEntry("seniority", "director")
          .containsEntry("customFields", Map.of("partnerTier", "gold"));
    });
    assertThat(traces(before)).as("leads keep the version that qualified them").singleElement()
        .satisfies(t -> assertThat(t.get("definitionVersion")).isEqualTo("v1-default"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDmnAndTheCriteriaTableRoundTripAndBadDefinitionsAreRefusedWithTheReason() {
    final var marketing = as("mona", accounts.create("mona", List.of("MARKETING")));
    final var draft = new java.util.HashMap<>(DRAFT);
    draft.put("version", "v3-roundtrip-source");
    assertThat(post(marketing, "/api/definitions", draft).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    final String dmn = marketing.getForObject("/api/definitions/v3-roundtrip-source/dmn", String.class);
    assertThat(dmn).contains("hitPolicy=\"COLLECT\"", "<text>\"budget approved at director level or above\"</text>", "definitionVersion");

    final var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_XML);
    final var uploaded = marketing.postForEntity("/api/definitions?version=v3-roundtrip-copy", new HttpEntity<>(dmn, headers), Map.class);
    assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(definition("v3-roundtrip-copy").get("criteria")).isEqualTo(definition("v3-roundtrip-source").get("criteria"));

    final var badFeel = new java.util.HashMap<>(draft);
    badFeel.put("version", "v3-bad-feel");
    badFeel.put("criteria", List.of(Map.of("tests", Map.of("companySize", ">= >= 5"), "label", "size", "points", 5, "verdict", "fit")));
    final var refused = post(marketing, "/api/definitions", badFeel);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) refused.getBody().get("detail")).contains("engine cannot run this definition");

    final var unknownField = new java.util.HashMap<>(draft);
    unknownField.put("version", "v3-unknown-field");
    unknownField.put("criteria", List.of(Map.of("tests", Map.of("shoeSize", "> 42"), "label", "big feet", "points", 5, "verdict", "fit")));
    assertThat((String) post(marketing, "/api/definitions", unknownField).getBody().get("detail")).contains("'shoeSize' is not one of the agreed fields");
    final var notDmn = marketing.postForEntity("/api/definitions?version=v3-not-dmn", new HttpEntity<>("<html/>", headers), Map.class);
    assertThat(notDmn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(api().admin().getForObject("/api/definitions", List.class)).extracting(d -> ((Map<String, Object>) d).get("version"))
        .as("nothing refused is stored").doesNotContain("v3-bad-feel", "v3-unknown-field", "v3-not-dmn");
  }
}
