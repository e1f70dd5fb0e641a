package com.leadjourney.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.BrowserTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quarterly review pack in a real browser over a quarter worked out by hand (2001-Q2, a year no other test
 * writes history into, so the funnel holds exactly these three leads): money
 * with separators and currency, a small-sample banner instead of a verdict on two decided deals,
 * the charts drawn (a trend beside every indicator, the funnel, reasons by campaign), a breakdown
 * sorted by a click. Screenshot (1366 px) to target/screenshots/.
 */
class ReviewBrowserTest extends BrowserTest {

  @Autowired JdbcTemplate jdbc;

  private void aQuarterWithTwoDecidedDeals() {
    final var history = new ReviewHistory(jdbc);
    history.lead("rb-1", "2001-04-03T09:00");
    history.lead("rb-2", "2001-04-04T09:00");
    history.lead("rb-3", "2001-04-05T09:00");
    history.decision("rb-1", 1, "mql", "smb", "v1", "2001-04-03T09:01");
    history.decision("rb-2", 1, "mql", "smb", "v1", "2001-04-04T09:01");
    history.task("rb-1", "xdr-handoff", "2001-04-03T09:01", "2001-04-03T09:30", "2001-04-03T09:04", "2001-04-03T10:00", "meeting-booked");
    history.opportunity("o-rb-1", "rb-1", "2001-04-20T10:00", 2_783_000, "closed-won", "2001-05-30T10:00", null);
    history.opportunity("o-rb-2", "rb-2", "2001-05-02T10:00", 45_000, "closed-lost", "2001-06-10T10:00", "no-budget");
    history.feedback("rb-2", "no-budget", "2001-06-10T10:00");
    history.feedback("rb-3", "wrong-fit", "2001-05-10T10:00");
  }

  @Test
  void leadershipReadsTheQuarterWithChartsAndIsToldTwoDealsAreTooFewToJudge() throws Exception {
    aQuarterWithTwoDecidedDeals();
    browser.get(base() + "/reviews/quarterly?period=2001-Q2");
    signIn("review-page-ceo", accounts.create("review-page-ceo", List.of("LEADERSHIP")));

    assertThat(awaitVisible(By.tagName("h1")).getText()).isEqualTo("Quarterly review · 2001-Q2");
    assertThat(browser.findElement(By.cssSelector(".banner.small-sample")).getText())
        .startsWith("Too early to judge:").contains("Win rate: 2 decided deals")
        .as("no AE decided: no rate at all, not a small one").doesNotContain("SQLs decided by AEs");
    assertThat(row("revenue-won").findElement(By.cssSelector("td.value")).getText()).isEqualTo("$2,783,000");
    assertThat(row("deal-size").findElement(By.cssSelector("td.value")).getText()).isEqualTo("$2,783,000");
    assertThat(row("win-rate").findElement(By.cssSelector("td.value")).getText()).isEqualTo("50.0 %");
    assertThat(row("cycle-length").findElement(By.cssSelector("td.value")).getText()).as("20 April to 30 May").isEqualTo("40 days");
    assertThat(row("win-rate").getText()).as("no verdict on two deals").contains("too few (2 decided deals)").doesNotContain("missed");
    assertThat(row("revenue-won").getText()).as("a verdict on the revenue target; nothing won the quarter before")
        .contains("$1,000,000", "met", "$0 ", "+$2,783,000");
    // rb-1 won; rb-2 reached a deal without a booked meeting (so it passed SQL too), lost it; rb-3 never qualified.
    assertThat(browser.findElements(By.cssSelector("section[data-key='funnel'] tbody tr")))
        .extracting(r -> r.findElement(By.tagName("th")).getText() + " " + r.findElement(By.cssSelector("td")).getText())
        .containsExactly("Leads 3", "MQLs 2", "SQLs 2", "Opportunities 2", "Won 1");
    assertThat(browser.findElement(By.cssSelector(".leak")).getText()).isEqualTo("Biggest leak in the funnel: Opportunities → Won");

    // Every chart is drawn by ECharts (a canvas in its box): one trend per indicator, the funnel, reasons by campaign.
    final int indicators = browser.findElements(By.cssSelector("tr[data-key]")).size();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".chart canvas")).size() == indicators + 2);
    assertThat(browser.findElements(By.cssSelector("section[data-key='funnel'] .chart canvas"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("section[data-key='reasons-by-campaign'] .chart canvas"))).hasSize(1);

    // The feedback view comes grouped by what sales did, and sorts by a column on a click.
    final WebElement feedback = browser.findElement(By.cssSelector("section[data-key='feedback-reasons'] table"));
    assertThat(feedback.findElements(By.cssSelector("tbody tr td:first-child"))).extracting(WebElement::getText).containsOnly("recycle");
    feedback.findElement(By.xpath(".//th[normalize-space()='Item']")).click();
    assertThat(feedback.findElements(By.cssSelector("tbody th"))).extracting(WebElement::getText).containsExactly("no-budget", "wrong-fit");
    feedback.findElement(By.xpath(".//th[normalize-space()='Item']")).click();
    assertThat(feedback.findElements(By.cssSelector("tbody th"))).extracting(WebElement::getText).containsExactly("wrong-fit", "no-budget");
    // The stored pictures: the top of the page (indicators with their trend charts) and the whole pack.
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    screenshotAt(1366, "review-quarterly");
    final long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
    browser.manage().window().setSize(new Dimension(1366, (int) Math.min(height + 120, 8000)));
    screenshot("review-quarterly-whole-1366");

    browser.get(base() + "/reviews/quarterly");
    assertThat(awaitVisible(By.tagName("h1")).getText()).as("the default is the quarter under way").endsWith(" so far");
  }

  private WebElement row(final String key) {
    return browser.findElement(By.cssSelector("tr[data-key='" + key + "']"));
  }
}
