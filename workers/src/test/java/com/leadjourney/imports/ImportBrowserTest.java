package com.leadjourney.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Marketing imports a CSV in the browser: the progress bar reaches 100% and the bad rows are listed with their reasons. */
class ImportBrowserTest extends BrowserTest {

  @Test
  void theProgressBarReachesTheEndAndTheBadRowsAreListed() throws Exception {
    // The 80-row file of LeadImportTest under other addresses: 4 malformed rows.
    final String text = new String(LeadImportTest.eightyRows(), StandardCharsets.ISO_8859_1).replace("@import-corp", "@browser-import");
    final var file = Files.createTempFile("old-crm-", ".csv");
    Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));

    browser.get(base() + "/marketing/imports");
    signIn("mkt-mila", accounts.create("mkt-mila", List.of("MARKETING")));
    awaitVisible(By.id("file")).sendKeys(file.toString());
    browser.findElement(By.xpath("//button[normalize-space()='Import']")).click();

    // An export not seen before: its columns on the mapping page, those named like a field chosen already.
    awaitVisible(By.id("columns"));
    assertThat(new Select(row("email").findElement(By.tagName("select"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("email");
    assertThat(row("createdAt").findElement(By.cssSelector("td.meta")).getText()).startsWith("2024-02-15 · 2024-03-15");
    browser.findElement(By.xpath("//button[normalize-space()='Import']")).click();

    final WebElement bar = awaitVisible(By.id("bar"));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("counts")).getText().endsWith("done."));
    assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max")).isEqualTo("80");
    assertThat(browser.findElement(By.id("counts")).getText()).isEqualTo("80 of 80 rows: 76 new, 0 already known, 4 not imported — done.");
    assertThat(browser.findElements(By.cssSelector("#problems tbody tr"))).extracting(WebElement::getText).containsExactly(
        "10 email must be a valid email address",
        "20 email is required when the row has no externalId (map the CRM's record id to it)",
        "30 createdAt must be a date like 2025-03-31 or 2025-03-31T14:00:00, not '31/12/2024'",
        "40 company is not valid UTF-8 text (save the file as UTF-8)");
    screenshot("marketing-import-done");
  }

  /**
   * Another CRM's export mapped by hand: the record id as key, a column kept as a custom field, the
   * outcome translated from 1/0 — then the past imports list it and its rejected rows download.
   */
  @Test
  void anExportIsMappedOnThePageWithoutWritingJson() throws Exception {
    final var file = Files.createTempFile("leadsquared-", ".csv");
    Files.writeString(file, """
        Prospect ID;Lead Source;Converted;Created
        page-1;Google;1;2024-03-01
        page-2;Olark Chat;0;2024-03-02
        page-3;Google;2;2024-03-03
        """);
    browser.get(base() + "/marketing/imports");
    signIn("mkt-milo", accounts.create("mkt-milo", List.of("MARKETING")));
    awaitVisible(By.id("file")).sendKeys(file.toString());
    browser.findElement(By.xpath("//button[normalize-space()='Import']")).click();

    awaitVisible(By.id("columns"));
    new Select(row("Prospect ID").findElement(By.tagName("select"))).selectByValue("externalId");
    new Select(row("Lead Source").findElement(By.tagName("select"))).selectByValue("custom:string");
    new Select(row("Converted").findElement(By.tagName("select"))).selectByValue("stageReached");
    row("Converted").findElement(By.tagName("textarea")).sendKeys("1 = customer\n0 = lead");
    new Select(row("Created").findElement(By.tagName("select"))).selectByValue("createdAt");
    browser.findElement(By.id("saveAs")).sendKeys("leadsquared-page");
    browser.findElement(By.xpath("//button[normalize-space()='Import']")).click();

    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("counts")).getText().endsWith("done."));
    assertThat(browser.findElement(By.id("counts")).getText()).isEqualTo("3 of 3 rows: 2 new, 0 already known, 1 not imported — done.");
    assertThat(browser.findElements(By.cssSelector("#problems tbody tr"))).extracting(WebElement::getText)
        .containsExactly("3 Converted '2' is not among the mapping's values [0, 1]");

    browser.get(base() + "/marketing/imports");
    assertThat(new Select(awaitVisible(By.id("mapping"))).getOptions()).extracting(WebElement::getText).contains("leadsquared-page");
    final WebElement past = browser.findElement(By.xpath("//table//tr[td/a[starts-with(normalize-space(), 'leadsquared-')]]"));
    assertThat(past.getText()).contains("mkt-milo", "done");
    assertThat(past.findElement(By.cssSelector("a[aria-label^='Download the 1 rejected']")).getAttribute("href")).endsWith("/rejected.csv");
    screenshot("marketing-import-past");
  }

  /** The mapping page's row of a column. */
  private WebElement row(final String column) {
    return browser.findElement(By.cssSelector("#columns tr[data-column='" + column + "']"));
  }
}
