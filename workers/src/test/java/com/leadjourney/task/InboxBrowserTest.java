package com.leadjourney.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyDriver;
import com.leadjourney.JourneyTest;
import com.leadjourney.security.UserAccounts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The XDR's inbox in a real browser (Debian chromium + chromedriver, headless): an XDR signs in,
 * sees the task with its clock counting down, logs a call and books a meeting. Screenshots go to
 * target/screenshots/.
 */
class InboxBrowserTest extends JourneyTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @Autowired UserAccounts accounts;

  @Value("${local.server.port}")
  int port;

  private ChromeDriver browser;

  @BeforeEach
  void openBrowser() throws Exception {
    final var options = new ChromeOptions()
        .setBinary("/usr/bin/chromium")
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
            "--user-data-dir=" + Files.createTempDirectory("chromium-profile-"));
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private void screenshot(final String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private WebElement awaitVisible(final By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  @Test
  @SuppressWarnings("unchecked")
  void anXdrSignsInSeesTheClockCountDownLogsACallAndBooksAMeeting() throws Exception {
    final var driver = driver();
    final String lead = driver.lead("vp@browser-corp.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final var task = driver.awaitTask(lead, "xdr-handoff");
    final String xdr = (String) task.get("assignee");
    final String password = accounts.create(xdr, List.of("XDR"));
    final String base = "http://localhost:" + port;

    browser.get(base + "/inbox");
    assertThat(browser.getCurrentUrl()).as("anonymous pages go to the sign-in page").endsWith("/login");
    browser.findElement(By.id("username")).sendKeys(xdr);
    browser.findElement(By.id("password")).sendKeys("wrong");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    assertThat(awaitVisible(By.cssSelector("[role=alert]")).getText()).contains("do not match");
    browser.findElement(By.id("username")).sendKeys(xdr);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type=submit]")).click();

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
  }
}
