package com.leadjourney.prequalification;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyTest;
import org.junit.jupiter.api.Test;

/**
 * Pre-qualification: every lead is checked against the one definition marketing and sales signed,
 * and the journey goes where the decision says — an MQL to an XDR, a lead that does not fit yet to
 * nurture, a student out. The path is read from the engine's records.
 */
class PreQualificationProcessTest extends JourneyTest {

  private static final String[] THE_STAGE =
      {"ContactToQualify", "EnterPreQualification", "GatherQualificationInputs", "CheckFit", "DecideQualification", "QualificationDecided"};

  @Test
  void aBuyerWhoFitsTheDefinitionIsAnMqlAndGoesToAnXdr() {
    final String leadId = driver().lead("vp@fabrikam-software.com", "webinar", "webinar-q4", com.leadjourney.JourneyDriver.STRONG_FIT);

    assertThat(driver().pathThrough(leadId, "pre-qualification")).containsSubsequence(THE_STAGE);
    driver().awaitTask(leadId, "xdr-handoff");
    assertThat(driver().journeyPath(leadId)).containsSubsequence("PreQualification", "QualificationGateway");
    assertThat(driver().detailOf(leadId, "QUALIFIED")).startsWith("mql").contains("v1-default");
  }

  @Test
  void aLeadThatDoesNotFitYetGoesToNurture() {
    final String leadId = driver().lead("curious@contoso.com", "web-form", null, "{}");

    assertThat(driver().pathThrough(leadId, "pre-qualification")).containsSubsequence(THE_STAGE);
    driver().awaitTimeline(leadId, "NURTURE_PLANNED");
    assertThat(driver().journeyPath(leadId)).containsSubsequence("PreQualification", "QualificationGateway", "NurtureMerge");
    assertThat(driver().detailOf(leadId, "QUALIFIED")).startsWith("nurture");
  }

  @Test
  void aStudentIsDisqualifiedWithTheCriterionAsReason() {
    final String leadId = driver().lead("student@contoso-university.edu", "webinar", null, """
        {"role":"student"}""");

    driver().awaitClosed(leadId, "disqualified");
    assertThat(driver().journeyPath(leadId))
        .containsSubsequence("PreQualification", "QualificationGateway", "CloseDisqualifiedAtQualification", "DisqualifiedAtQualification");
    assertThat(driver().detailOf(leadId, "QUALIFIED")).startsWith("disqualified").contains("student, not a buyer");
  }
}
