package com.leadjourney.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.BrowserTest;
import com.leadjourney.LeadApi;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Marketing asks for a definition suggested from imported history on its page, reads the draft
 * beside the live definition with the held-out evidence and the points bands, and proposes it.
 */
class SuggestionBrowserTest extends BrowserTest {

  @Autowired TestRestTemplate http;

  @Test
  void marketingReadsTheSuggestionBesideTheLiveDefinitionAndProposesIt() throws Exception {
    PlantedHistory.importInto(new LeadApi(http).admin(), "page-crm-", 3_000, LocalDate.of(2023, 1, 1));

    browser.get(base() + "/marketing");
    signIn("mkt-sue", accounts.create("mkt-sue", List.of("MARKETING")));
    awaitVisible(By.id("suggest-from")).sendKeys("01/01/2023");
    browser.findElement(By.id("suggest-until")).sendKeys("07/01/2023");
    browser.findElement(By.xpath("//button[normalize-space()='Suggest']")).click();

    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("evidence")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("#suggested-criteria li"))).extracting(WebElement::getText)
        .anySatisfy(c -> assertThat(c).matches("seniority is vp: \\+\\d+"))
        .anySatisfy(c -> assertThat(c).matches("customFields.leadSource is Webinar: \\+\\d+"));
    assertThat(browser.findElements(By.cssSelector("#live-criteria li"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#evidence tbody tr"))).extracting(WebElement::getText)
        .anySatisfy(r -> assertThat(r).startsWith("AUC"))
        .anySatisfy(r -> assertThat(r).matches("Lift \\(qualified against all\\) \\d+\\.\\d\\d× .+"));
    assertThat(browser.findElements(By.cssSelector("#bands .bar"))).as("a bar per points band, both definitions").hasSizeGreaterThanOrEqualTo(4);
    assertThat(browser.findElement(By.id("warnings")).getText()).contains("lastNotableActivity is left out");
    final String draft = browser.findElement(By.cssSelector("#side-by-side h2")).getText().replace("Suggested: draft ", "");
    screenshot("marketing-definition-suggestion");

    browser.findElement(By.xpath("//button[starts-with(normalize-space(), 'Propose')]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/marketing"));
    assertThat(awaitVisible(By.cssSelector("tr[data-version='" + draft + "']")).getText()).contains("proposed");
  }
}
