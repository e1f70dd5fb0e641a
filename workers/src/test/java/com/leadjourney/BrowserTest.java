package com.leadjourney;

import com.leadjourney.security.UserAccounts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A workbench test in a real browser: Debian's chromium and chromedriver, headless, a fresh profile
 * per test; screenshots go to target/screenshots/.
 */
public abstract class BrowserTest extends JourneyTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @Autowired protected UserAccounts accounts;

  @Value("${local.server.port}")
  protected int port;

  protected ChromeDriver browser;

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

  protected String base() {
    return "http://localhost:" + port;
  }

  protected void screenshot(final String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Fills the sign-in form the browser was sent to, once it is there (a sign-out's redirect may still be on its way). */
  protected void signIn(final String user, final String password) {
    awaitVisible(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
  }

  protected WebElement awaitVisible(final By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class) // the page it was on has just been replaced
        .until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /** The page's status line once it says {@code expected} (the previous page may still show the last one). */
  protected String awaitStatus(final String expected) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElements(By.cssSelector("[role=status]")).stream().anyMatch(e -> e.getText().contains(expected)));
    return browser.findElement(By.cssSelector("[role=status]")).getText();
  }

  /** Opens a task's panel in the inbox (its row's name button) and returns it once its card and forms are in. */
  protected WebElement openTask(final Object userTaskKey) {
    awaitVisible(By.cssSelector("tr[data-task='" + userTaskKey + "'] button.open")).click();
    return awaitVisible(By.cssSelector("#panel-" + userTaskKey + " .actions")).findElement(By.xpath("ancestor::tr[1]"));
  }

  /** Resizes the window and stores a screenshot at that width (a laptop's 1366, a phone's 390). */
  protected void screenshotAt(final int width, final String name) throws Exception {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, width < 600 ? 844 : 900));
    Thread.sleep(200); // the layout settles
    screenshot(name + "-" + width);
  }
}
