package com.leadjourney.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.BrowserTest;
import com.leadjourney.JourneyDriver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The XDR's inbox in a real browser (Debian chromium + chromedriver, headless): an XDR signs in,
 * sees the task with its clock counting down, logs a call and books a meeting. Screenshots go to
 * target/screenshots/.
 */
class InboxBrowserTest extends BrowserTest {

  @Test
  @SuppressWarnings("unchecked")
  void anXdrSignsInSeesTheClockCountDownLogsACallAndBooksAMeeting() throws Exception {
    final var driver = driver();
    final String lead = driver.lead("vp@browser-corp.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final var task = driver.awaitTask(lead, "xdr-handoff");
    final String xdr = (String) task.get("assignee");
    final String password = accounts.create(xdr, List.of("XDR"));
    final String base = base();

    browser.get(base + "/inbox");
    assertThat(browser.getCurrentUrl()).as("anonymous pages go to the sign-in page").endsWith("/login");
    signIn(xdr, "wrong");
    assertThat(awaitVisible(By.cssSelector("[role=alert]")).getText()).contains("do not match");
    signIn(xdr, password);

    final By card = By.cssSelector("article[data-task='" + task.get("userTaskKey") + "']");
    final WebElement clock = awaitVisible(card).findElement(By.cssSelector(".clock"));
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> clock.getText().endsWith("left"));
    final String first = clock.getText();
    assertThat(clock.getAttribute("class")).containsAnyOf("band-ok", "band-soon");
    Thread.sleep(1_500); // a person watching the clock
    assertThat(clock.getText()).as("the clock counts down").isNotEqualTo(first).endsWith("left");
    screenshot("inbox-task");

    final WebElement taskCard = browser.findElement(card);
    new Select(taskCard.findElement(By.name("kind"))).selectByValue("call");
    taskCard.findElement(By.name("note")).sendKeys("Spoke to the VP, demo next Tuesday");
    taskCard.findElement(By.xpath(".//button[normalize-space()='Log touch']")).click();
    assertThat(awaitVisible(By.cssSelector("[role=status]")).getText()).isEqualTo("Logged: call.");
    assertThat(browser.findElement(card).getText()).contains("first touch");

    final WebElement again = browser.findElement(card);
    new Select(again.findElement(By.name("outcome"))).selectByValue("meeting-booked");
    again.findElement(By.name("objections")).sendKeys("wants SSO");
    again.findElement(By.xpath(".//button[normalize-space()='Complete']")).click();
    assertThat(awaitVisible(By.cssSelector("[role=status]")).getText()).isEqualTo("Done: meeting-booked.");
    assertThat(browser.findElements(card)).as("the task left the inbox").isEmpty();
    screenshot("inbox-after-meeting-booked");

    driver.awaitTimeline(lead, "TASK_COMPLETED");
    final List<Map<String, Object>> trail = api().admin().getForObject("/api/leads/" + lead + "/audit", List.class);
    assertThat(trail).extracting(e -> e.get("actor") + " " + e.get("action")).contains(xdr + " task.completed");

    // The lead's page: every stage and task on the timeline, the criteria that qualified it, who decided what.
    browser.get(base + "/leads/" + lead);
    final String page = awaitVisible(By.tagName("main")).getText();
    assertThat(page).contains("STAGE_ENTERED", "TASK_COMPLETED", "meeting-booked", "target industry", "v1-default", "task.completed", xdr,
        "wants SSO");
    screenshot("lead-page");
  }

  /** A lead from New Zealand goes to the Kiwi team; nobody touches it for four hours; its manager gives it to the other XDR. */
  @Test
  @SuppressWarnings("unchecked")
  void aManagerReassignsAnEscalatedTask() throws Exception {
    api().admin().exchange("/api/teams/xdr-kiwi", org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(Map.of(
        "name", "Kiwi XDRs", "function", "xdr", "isDefault", false, "manager", "kiwi-manager", "timeZone", "Pacific/Auckland",
        "workDays", "MON,TUE,WED,THU,FRI,SAT,SUN", "opens", "00:00", "closes", "00:00",
        "members", List.of(Map.of("username", "kiwi-kate", "weight", 1, "active", true), Map.of("username", "kiwi-kim", "weight", 1, "active", true)),
        "territories", List.of(Map.of("rank", 0, "country", "NZ")))), Map.class);
    final var driver = driver();
    final String lead = api().accept("""
        {"email":"cfo@kiwi-corp.co.nz","consent":true,"company":"Kiwi Corp","country":"NZ","source":"webinar","campaign":"webinar-q3",
         "profile":%s}""".formatted(JourneyDriver.STRONG_FIT));
    driver.passEnrichmentWindow(lead);
    final var task = driver.awaitTask(lead, "xdr-handoff");
    final String first = (String) task.get("assignee");
    final String other = "kiwi-kate".equals(first) ? "kiwi-kim" : "kiwi-kate";
    assertThat(first).isIn("kiwi-kate", "kiwi-kim");
    engine.advanceClock(Duration.ofHours(4).plusMinutes(1));
    driver.awaitTimeline(lead, "SLA_ESCALATED");

    browser.get(base() + "/inbox");
    signIn("kiwi-manager", accounts.create("kiwi-manager", List.of("MANAGER")));
    final By card = By.cssSelector("article[data-task='" + task.get("userTaskKey") + "']");
    final WebElement clock = awaitVisible(card).findElement(By.cssSelector(".clock"));
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> clock.getText().startsWith("overdue"));
    assertThat(clock.getAttribute("class")).contains("band-late");
    screenshot("manager-escalated-task");
    new Select(browser.findElement(card).findElement(By.name("assignee"))).selectByValue(other);
    browser.findElement(card).findElement(By.xpath(".//button[normalize-space()='Reassign']")).click();
    assertThat(awaitVisible(By.cssSelector("[role=status]")).getText()).isEqualTo("Reassigned to " + other + ".");
    assertThat(browser.findElement(card).getText()).contains("for " + other);

    browser.get(base() + "/team");
    assertThat(awaitVisible(By.cssSelector("#escalations tr[data-task='" + task.get("userTaskKey") + "']")).getText())
        .as("the manager's team page lists the escalated task of their team").contains(other);
    assertThat(driver.openTasks(lead, "xdr-handoff")).singleElement().satisfies(t -> assertThat(t.get("assignee")).isEqualTo(other));
    final List<Map<String, Object>> trail = api().admin().getForObject("/api/leads/" + lead + "/audit", List.class);
    assertThat(trail).filteredOn(e -> "task.reassigned".equals(e.get("action"))).singleElement().satisfies(e -> {
      assertThat(e).containsEntry("actor", "kiwi-manager");
      assertThat((Map<String, Object>) e.get("before")).containsEntry("assignee", first);
      assertThat((Map<String, Object>) e.get("after")).containsEntry("assignee", other);
    });
    final var teams = api().admin().getForObject("/api/teams", List.class);
    final Map<String, Object> kiwi = ((List<Map<String, Object>>) teams).stream().filter(t -> "xdr-kiwi".equals(t.get("id"))).findFirst().orElseThrow();
    assertThat((List<Map<String, Object>>) kiwi.get("members")).as("the cap slot moved with the lead")
        .extracting(m -> m.get("username") + "=" + m.get("open_assignments")).contains(first + "=0", other + "=1");
  }
}
