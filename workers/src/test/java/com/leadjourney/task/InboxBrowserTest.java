package com.leadjourney.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.BrowserTest;
import com.leadjourney.JourneyDriver;
import com.leadjourney.LeadApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The inbox in a real browser (Debian chromium + chromedriver, headless) as the people who live in
 * it: an XDR whose new lead arrives without a reload, takes it from the team queue, reads the
 * contact card, logs a touch and completes while a teammate is refused; a manager who sorts,
 * filters, searches, drives it by keyboard and reassigns five tasks at once; a manager who gives
 * a stranded lead away in one click. Screenshots (1366 and 390 px) go to target/screenshots/.
 */
class InboxBrowserTest extends BrowserTest {

  @Test
  void anXdrTakesANewLeadFromTheQueueReadsTheCardLogsATouchAndCompletesWhileATeammateIsRefused() throws Exception {
    api().putTeam("xdr-lux", "xdr", "LU", "lux-manager", List.of(LeadApi.member("lux-ada", 0), LeadApi.member("lux-bob", 0))); // both at their cap: the queue
    final String ada = accounts.create("lux-ada", List.of("XDR"));
    final String bob = accounts.create("lux-bob", List.of("XDR"));
    browser.get(base() + "/inbox");
    signIn("lux-ada", ada);
    awaitLive();
    ((JavascriptExecutor) browser).executeScript("window.sameDocument = true");

    final var driver = driver();
    final String lead = api().accept("""
        {"email":"vera@lux-corp.lu","firstName":"Vera","lastName":"Paulus","title":"VP Sales","phone":"+352 26 123 456","company":"Lux Corp",
         "country":"LU","source":"webinar","campaign":"webinar-q3","consent":true,"profile":%s}""".formatted(JourneyDriver.STRONG_FIT));
    driver.passEnrichmentWindow(lead);
    final var task = driver.awaitTask(lead, "xdr-handoff");
    assertThat(task.get("assignee")).as("nobody free: the team queue").isNull();
    final long routed = System.nanoTime();
    final By row = By.cssSelector("tr[data-task='" + task.get("userTaskKey") + "']");
    new WebDriverWait(browser, Duration.ofSeconds(2)).until(d -> !d.findElements(row).isEmpty() && d.findElement(row).isDisplayed());
    System.out.printf("inbox: the routed task showed %d ms after the API listed it, without a reload%n", (System.nanoTime() - routed) / 1_000_000);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument")).as("no reload").isEqualTo(true);
    assertThat(browser.findElement(row).getText()).contains("Vera Paulus", "VP Sales · Lux Corp", "Team queue");

    press("j", "t"); // j = first row, t = take
    awaitStatus("You took the task.");
    WebElement panel = browser.findElement(By.id("panel-" + task.get("userTaskKey")));
    assertThat(panel.getText()).contains("Vera Paulus", "VP Sales", "Lux Corp, 500 people, software", "LU", "local time (Europe/Luxembourg)",
        "budget approved", "webinar (webinar-q3)", "MQL under", "Nobody has touched this lead yet", "assigned to lux-ada");
    assertThat(panel.findElement(By.partialLinkText("Call +352")).getAttribute("href")).isEqualTo("tel:+352 26 123 456");
    assertThat(panel.findElement(By.partialLinkText("Email")).getAttribute("href")).isEqualTo("mailto:vera@lux-corp.lu");

    press("l"); // l = log touch: the note field
    assertThat(browser.switchTo().activeElement().getAttribute("name")).isEqualTo("note");
    browser.switchTo().activeElement().sendKeys("Left a voicemail, calling back at 3");
    new Select(panel.findElement(By.name("kind"))).selectByValue("call");
    panel.findElement(By.xpath(".//button[normalize-space()='Log touch']")).click();
    awaitStatus("Logged: call.");
    panel = browser.findElement(By.id("panel-" + task.get("userTaskKey")));
    assertThat(panel.findElement(By.cssSelector(".touches")).getText()).contains("call by lux-ada", "Left a voicemail, calling back at 3");
    screenshotAt(1366, "inbox-contact-card");
    screenshotAt(390, "inbox-contact-card");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));

    browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
    signIn("lux-bob", bob);
    final WebElement refused = openTask(task.get("userTaskKey"));
    assertThat(refused.getText()).as("the page says why").contains("Assigned to lux-ada: only they or the team's manager may work it.");
    assertThat(refused.findElements(By.xpath(".//button[normalize-space()='Log touch' or normalize-space()='Complete']"))).isEmpty();
    assertThat(refused.getText()).as("the teammate still reads the history").contains("Left a voicemail, calling back at 3");
    screenshot("inbox-teammate-refused");

    browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
    signIn("lux-ada", ada);
    browser.get(base() + "/login");
    assertThat(browser.getCurrentUrl()).as("signed in already: nothing to sign").endsWith("/inbox");
    WebElement mine = openTask(task.get("userTaskKey"));
    new Select(mine.findElement(By.name("outcome"))).selectByValue("recycle"); // needs a reason
    mine.findElement(By.name("objections")).sendKeys("wants SSO first");
    mine.findElement(By.xpath(".//button[normalize-space()='Complete']")).click();
    mine = awaitVisible(By.cssSelector("#panel-" + task.get("userTaskKey") + " [role=alert]")).findElement(By.xpath("ancestor::tr[1]"));
    assertThat(mine.findElement(By.cssSelector("[role=alert]")).getText()).as("the refusal on the task's own panel").contains("reason");
    assertThat(mine.findElement(By.name("objections")).getAttribute("value")).as("what was typed is kept").isEqualTo("wants SSO first");
    assertThat(new Select(mine.findElement(By.name("outcome"))).getFirstSelectedOption().getText()).isEqualTo("recycle");
    new Select(mine.findElement(By.name("outcome"))).selectByValue("meeting-booked");
    mine.findElement(By.xpath(".//button[normalize-space()='Complete']")).click();
    awaitStatus("Done: meeting-booked.");
    assertThat(browser.findElements(row)).as("the task left the inbox").isEmpty();
    assertThat(driver.detailOf(lead, "SLA_MET")).as("the credit is the assignee's").contains("by lux-ada");
  }

  @Test
  void aManagerSortsFiltersSearchesByKeyboardAndReassignsFiveTasksAtOnce() throws Exception {
    api().putTeam("xdr-oak", "xdr", "OM", "oak-manager", List.of(LeadApi.member("oak-a", null), LeadApi.member("oak-b", null), LeadApi.member("oak-c", 0)));
    api().putTeam("ae-oak", "ae", "OM", "oak-manager", List.of(LeadApi.member("oak-ae", null)));
    final var driver = driver();
    final String sql = omaniLead(driver, 0);
    final var acceptance = driver.sqlAwaitingAcceptance(sql); // the oldest task, due in a day
    final List<Object> xdrTasks = new ArrayList<>();
    String last = null;
    for (int i = 1; i <= 5; i++) {
      last = omaniLead(driver, i);
      xdrTasks.add(driver.awaitTask(last, "xdr-handoff").get("userTaskKey")); // due in four hours
    }
    engine.advanceClock(Duration.ofHours(4).plusMinutes(5)); // the five XDR tasks are overdue now, the AE's is not
    driver.awaitTimeline(last, "SLA_ESCALATED");
    browser.get(base() + "/inbox");
    signIn("oak-manager", accounts.create("oak-manager", List.of("MANAGER")));
    awaitLive();
    assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("6 of 6 tasks shown");

    assertThat(shownTasks()).as("deadline first").endsWith(acceptance.get("userTaskKey").toString());
    browser.findElement(By.cssSelector("details.more summary")).click();
    new Select(browser.findElement(By.id("sort"))).selectByValue("age");
    assertThat(shownTasks()).as("oldest first").startsWith(acceptance.get("userTaskKey").toString());
    new Select(browser.findElement(By.id("stage"))).selectByValue("sales-acceptance");
    assertThat(shownTasks()).containsExactly(acceptance.get("userTaskKey").toString());
    new Select(browser.findElement(By.id("stage"))).selectByValue("");
    browser.findElement(By.id("q")).sendKeys("oman-3");
    assertThat(shownTasks()).containsExactly(xdrTasks.get(2).toString());
    browser.findElement(By.id("q")).clear();
    browser.findElement(By.id("q")).sendKeys(" ");
    new Select(browser.findElement(By.id("show"))).selectByValue("queue");
    assertThat(shownTasks()).as("nothing in the queue").isEmpty();
    new Select(browser.findElement(By.id("show"))).selectByValue("all");
    browser.findElement(By.id("overdue")).click();
    assertThat(shownTasks()).containsExactlyInAnyOrderElementsOf(xdrTasks.stream().map(Object::toString).toList());
    assertThat(browser.findElement(By.id("unread-badge")).getText()).as("escalations told the manager; the badge counts them").isNotEmpty();
    browser.findElement(By.id("save-view")).click();
    browser.switchTo().alert().sendKeys("Overdue work");
    browser.switchTo().alert().accept();
    browser.navigate().refresh(); // a new day: the filters are back to all, the saved view is not
    awaitLive();
    assertThat(shownTasks()).hasSize(6);
    browser.findElement(By.cssSelector("details.more summary")).click();
    new Select(browser.findElement(By.id("views"))).selectByVisibleText("Overdue work");
    assertThat(shownTasks()).as("the saved view").containsExactlyInAnyOrderElementsOf(xdrTasks.stream().map(Object::toString).toList());
    screenshotAt(1366, "inbox-filtered");
    screenshotAt(390, "inbox-filtered");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));

    browser.findElement(By.tagName("h1")).click(); // off the search field: keys go to the page
    ((JavascriptExecutor) browser).executeScript("document.activeElement.blur()");
    press("j");
    final String first = selected();
    press("j");
    assertThat(selected()).as("j moves down").isNotEqualTo(first);
    press("k");
    assertThat(selected()).as("k moves up").isEqualTo(first);
    press("c");
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> ("outcome-" + first).equals(d.switchTo().activeElement().getAttribute("id")));
    press(org.openqa.selenium.Keys.ESCAPE.toString(), "/");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).as("/ searches").isEqualTo("q");

    browser.findElement(By.id("select-all")).click();
    browser.findElement(By.cssSelector("details.bulk summary")).click();
    new Select(browser.findElement(By.id("bulk-assignee"))).selectByValue("oak-c");
    browser.findElement(By.xpath("//button[normalize-space()='Reassign selected']")).click();
    awaitStatus("5 of 5 tasks given to oak-c.");
    for (final Object key : xdrTasks) {
      assertThat(browser.findElement(By.cssSelector("tr[data-task='" + key + "']")).getText()).contains("oak-c");
    }
    assertThat(api().admin().getForObject("/api/tasks?assignee=oak-c", List.class)).hasSize(5);

    for (final Object key : xdrTasks.subList(0, 2)) {
      tick(key);
    }
    browser.findElement(By.cssSelector("details.bulk summary")).click();
    new Select(browser.findElement(By.id("bulk-outcome"))).selectByValue("disqualify");
    new Select(browser.findElement(By.id("bulk-reason"))).selectByValue("no-budget");
    browser.findElement(By.xpath("//button[normalize-space()='Complete selected']")).click();
    awaitStatus("2 of 2 tasks completed as disqualify (no-budget).");
    assertThat(shownTasks()).hasSize(4).doesNotContain(xdrTasks.get(0).toString(), xdrTasks.get(1).toString());
  }

  @Test
  void aManagerSeesAStrandedLeadFirstOnTheTeamPageAndGivesItAwayInOneClick() throws Exception {
    api().putTeam("xdr-elm", "xdr", "EE", "elm-manager", List.of(LeadApi.member("elm-ann", 0), LeadApi.member("elm-bo", 0)));
    final var driver = driver();
    final String lead = api().accept("""
        {"email":"kai@elm-corp.ee","firstName":"Kai","lastName":"Tamm","company":"Elm Corp","country":"EE","source":"webinar","consent":true,
         "profile":%s}""".formatted(JourneyDriver.STRONG_FIT));
    driver.passEnrichmentWindow(lead);
    final var task = driver.awaitTask(lead, "xdr-handoff");

    browser.get(base() + "/team");
    signIn("elm-manager", accounts.create("elm-manager", List.of("MANAGER")));
    final WebElement first = awaitVisible(By.cssSelector("#escalations tbody tr"));
    assertThat(first.getAttribute("data-task")).as("stranded leads come first").isEqualTo(task.get("userTaskKey").toString());
    assertThat(first.getText()).contains("Kai Tamm · Elm Corp", "Team queue");
    assertThat(browser.findElement(By.cssSelector("#escalations h2")).getText()).contains("1 stranded");
    screenshot("team-stranded");
    first.findElement(By.cssSelector("button.give")).click(); // one click: the least-loaded available member
    awaitStatus("Reassigned to elm-ann.");
    assertThat(driver.openTasks(lead, "xdr-handoff")).singleElement().satisfies(t -> assertThat(t.get("assignee")).isEqualTo("elm-ann"));
  }

  private String omaniLead(final JourneyDriver driver, final int i) {
    final String lead = api().accept("""
        {"email":"buyer@oman-%d.om","firstName":"Buyer","lastName":"Oman-%d","company":"Oman-%d","country":"OM","source":"webinar","consent":true,
         "profile":%s}""".formatted(i, i, i, JourneyDriver.STRONG_FIT));
    driver.passEnrichmentWindow(lead);
    return lead;
  }

  private List<String> shownTasks() {
    return browser.findElements(By.cssSelector("#rows tr.task")).stream().filter(WebElement::isDisplayed).map(r -> r.getAttribute("data-task")).toList();
  }

  private String selected() {
    return browser.findElement(By.cssSelector("#rows tr.task.selected")).getAttribute("data-task");
  }

  /** Keys as a person types them, to whatever has the focus. */
  private void press(final String... keys) {
    for (final String key : keys) {
      new org.openqa.selenium.interactions.Actions(browser).sendKeys(key).perform();
    }
  }

  /**
   * Ticks a row's box; again if the row was replaced between finding the box and clicking it (a CI run of
   * stop 39 clicked, right after the bulk reassignment, a box the page had just swapped for a new one).
   */
  private void tick(final Object key) {
    final By box = By.cssSelector("tr[data-task='" + key + "'] input[type=checkbox]");
    new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      if (!d.findElement(box).isSelected()) {
        d.findElement(box).click();
      }
      return d.findElement(box).isSelected();
    });
  }

  private void awaitLive() {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("live")).getText().contains("live"));
  }
}
