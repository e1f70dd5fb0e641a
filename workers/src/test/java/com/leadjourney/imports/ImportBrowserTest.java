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

    final WebElement bar = awaitVisible(By.id("bar"));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("counts")).getText().endsWith("done."));
    assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max")).isEqualTo("80");
    assertThat(browser.findElement(By.id("counts")).getText()).isEqualTo("80 of 80 rows: 76 new, 0 already known, 4 not imported — done.");
    assertThat(browser.findElements(By.cssSelector("#problems tbody tr"))).extracting(WebElement::getText).containsExactly(
        "10 email must be a valid email address",
        "20 email is required",
        "30 createdAt must be a date like 2025-03-31 or 2025-03-31T14:00:00, not '31/12/2024'",
        "40 company is not valid UTF-8 text (save the file as UTF-8)");
    screenshot("marketing-import-done");
  }
}
