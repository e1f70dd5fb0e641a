package com.leadjourney.contactintake;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyTest;
import com.leadjourney.LeadApi;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Contact intake: who gets in, who is turned away and why, and who is already known. */
class ContactIntakeProcessTest extends JourneyTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired CamundaClient client;

  private String post(final String json) {
    return new LeadApi(http).accept(json);
  }

  @Test
  void aContactWhoDidNotConsentIsRejectedAtIntakeWithoutKeepingWhoTheyAre() {
    final String leadId = post("""
        {"email":"no.consent@contoso-noconsent.com","firstName":"Nora","lastName":"Nobody","phone":"+49 30 1234567","consent":false,
         "source":"web-form","campaign":"spring-webinar"}""");

    driver().awaitClosed(leadId, "rejected");
    assertThat(driver().detailOf(leadId, "CONTACT_REJECTED")).isEqualTo("no consent to be contacted; contact details not stored");
    assertThat(driver().stagesEntered(leadId)).as("no journey").isEmpty();
    assertThat(jdbc.queryForMap("select email, first_name, last_name, phone, source, campaign from leads where id = ?", leadId))
        .containsEntry("email", null).containsEntry("first_name", null).containsEntry("last_name", null).containsEntry("phone", null)
        .containsEntry("source", "web-form").containsEntry("campaign", "spring-webinar");
    assertThat(jdbc.queryForObject(
            "select count(*) from journey_event where lead_id = ? and (detail like '%contoso-noconsent%' or detail like '%Nobody%' or detail like '%Nora%')",
            Integer.class, leadId))
        .as("nor in its timeline").isZero();
    assertThat(jdbc.queryForObject("select count(*) from leads where email = 'no.consent@contoso-noconsent.com'", Integer.class)).isZero();
  }

  @Test
  void aThrowawayMailboxIsRejectedBeforeAnyoneWastesACall() {
    final String leadId = post("""
        {"email":"someone@mailinator.com","consent":true}""");

    driver().awaitClosed(leadId, "rejected");
    assertThat(driver().detailOf(leadId, "CONTACT_REJECTED")).contains("disposable");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSecondFormFillFromAnOpenLeadMergesIntoItAndCountsAsEngagement() {
    final String first = post("""
        {"email":"twice.in.a.week@contoso.com","consent":true,"source":"web-form","firstName":"Ada","title":"Engineer"}""");
    driver().awaitTimeline(first, "ACCOUNT_MATCHED");

    // The second fill says more (a last name, a new title) and less (no first name): more is kept, less erases nothing.
    final String second = post("""
        {"email":"twice.in.a.week@contoso.com","consent":true,"source":"webinar","campaign":"webinar-q4","lastName":"lovelace","title":"CTO"}""");

    driver().awaitClosed(second, "merged");
    assertThat(driver().journey(second).get("mergedInto")).isEqualTo(first);
    assertThat(driver().timelineTypes(first)).contains("CONTACT_MERGED");
    assertThat(driver().detailOf(first, "ENGAGED")).isEqualTo("re-engaged (webinar-q4)");
    assertThat((java.util.Map<Object, Object>) api().lead(first)).containsEntry("firstName", "Ada").containsEntry("lastName", "Lovelace").containsEntry("title", "CTO");
    assertThat(driver().detailOf(first, "CONTACT_MERGED")).endsWith("merged into this one; updated last name: – → Lovelace; title: Engineer → CTO");
  }

  @Test
  void contactsOfOneCompanyShareAnAccountByDomainOrByFuzzyName() {
    final String ada = post("""
        {"email":"ada@fabrikam.io","company":"Fabrikam","consent":true}""");
    final String bob = post("""
        {"email":"bob@fabrikam.io","company":"Fabrikam Ltd","consent":true}""");
    final String cy = post("""
        {"email":"cy.fabrikam@gmail.com","company":"FABRIKAM, Inc.","consent":true}""");
    final String dee = post("""
        {"email":"dee@gmail.com","company":"Northwind Traders","consent":true}""");
    for (final String lead : new String[] {ada, bob, cy, dee}) {
      driver().awaitTimeline(lead, "ACCOUNT_MATCHED");
    }

    final Object account = new LeadApi(http).lead(ada).get("accountId");
    assertThat(new LeadApi(http).lead(bob).get("accountId")).isEqualTo(account);
    assertThat(java.util.List.of(driver().detailOf(ada, "ACCOUNT_MATCHED"), driver().detailOf(bob, "ACCOUNT_MATCHED")))
        .as("whoever came second").contains("matched by email domain fabrikam.io");
    assertThat(new LeadApi(http).lead(cy).get("accountId")).as("a personal mailbox, the company's name").isEqualTo(account);
    assertThat(new LeadApi(http).lead(dee).get("accountId")).isNotEqualTo(account);
  }

  @Test
  void journeysOnTheEarlierModelWithFourStepsStillPassThem() {
    // The version before "Screen contact" becomes the latest for this test; the current one comes back after it.
    client.newDeployResourceCommand().addResourceFromClasspath("earlier-models/contact-intake-four-steps.bpmn").send().join();
    try {
      final String known = post("""
          {"email":"four.steps@earlier-model.com","company":"Earlier Model","consent":true}""");
      final String throwaway = post("""
          {"email":"four.steps@yopmail.com","consent":true}""");
      final String silent = post("""
          {"email":"no.consent@earlier-model.com","consent":false}""");

      driver().passEnrichmentWindow(known);
      assertThat(driver().pathThrough(known, "contact-intake")).as("its intake ran on the earlier model")
          .contains("ValidateContact", "CheckConsent", "DedupeContact", "MatchAccount").doesNotContain("ScreenContact");
      driver().awaitClosed(throwaway, "rejected");
      assertThat(driver().detailOf(throwaway, "CONTACT_REJECTED")).contains("disposable");
      driver().awaitClosed(silent, "rejected");
    } finally {
      client.newDeployResourceCommand().addResourceFromClasspath("workflows/contact-intake.bpmn").send().join();
    }
    final String after = post("""
        {"email":"one.step@current-model.com","consent":true}""");
    driver().passEnrichmentWindow(after);
    assertThat(driver().pathThrough(after, "contact-intake")).contains("ScreenContact").doesNotContain("ValidateContact");
  }
}
