package com.leadjourney.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.BrowserTest;
import com.leadjourney.JourneyDriver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A privacy officer answers an erasure request from the lead's page: a wrong confirmation erases
 * nothing and says why; typing "erase" erases the contact, and the page then says when. Someone
 * without the role sees no such form. Screenshot (1366 px) to target/screenshots/.
 */
class ErasureBrowserTest extends BrowserTest {

  @Test
  void aPrivacyOfficerErasesAContactFromItsPageAfterTypingErase() throws Exception {
    final String lead = api().accept("""
        {"email":"ines.marsh@erasure-page.com","firstName":"Ines","lastName":"Marsh","company":"Erasure Page","source":"webinar",
         "consent":true,"profile":%s}""".formatted(JourneyDriver.STRONG_FIT));
    final String marketer = accounts.create("erasure-page-marketer", List.of("MARKETING"));
    browser.get(base() + "/leads/" + lead);
    signIn("erasure-page-marketer", marketer);
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Ines Marsh");
    assertThat(browser.findElements(By.id("erasure"))).as("not a privacy officer: no erase form").isEmpty();

    browser.manage().deleteAllCookies();
    browser.get(base() + "/leads/" + lead);
    signIn("erasure-page-officer", accounts.create("erasure-page-officer", List.of("PRIVACY")));
    browser.findElement(By.name("confirm")).sendKeys("yes");
    browser.findElement(By.xpath("//button[normalize-space()='Erase this contact']")).click();
    assertThat(awaitVisible(By.cssSelector(".problem")).getText()).isEqualTo("Nothing erased: type the word erase to confirm");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Ines Marsh");

    browser.findElement(By.name("confirm")).sendKeys("erase");
    browser.findElement(By.xpath("//button[normalize-space()='Erase this contact']")).click();
    assertThat(awaitVisible(By.cssSelector(".done")).getText()).startsWith("Contact erased (1 lead)");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Ines", "Marsh", "ines.marsh@erasure-page.com")
        .doesNotContain("null").contains("This contact was erased on");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("(erased contact)");
    screenshotAt(1366, "lead-erased");
  }
}
