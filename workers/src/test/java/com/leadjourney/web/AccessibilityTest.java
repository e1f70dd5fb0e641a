package com.leadjourney.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.BrowserTest;
import com.leadjourney.JourneyDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every workbench page passes axe-core's WCAG 2 A and AA rules (names on controls, contrast,
 * landmarks, labels) in a real browser, signed in as someone who may open them all: the pages people
 * work in all day, and an error page. axe-core comes from npm with the model linter
 * (workflows/package.json). The designer's bpmn-js canvas is bpmn-js's own widget and not checked here.
 */
class AccessibilityTest extends BrowserTest {

  private static final Path AXE = Path.of("..", "workflows", "node_modules", "axe-core", "axe.min.js");

  @Test
  @SuppressWarnings("unchecked")
  void everyWorkbenchPagePassesAxeWcag2AAndAa() throws Exception {
    final var driver = driver();
    final String lead = driver.lead("a11y@access-corp.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final var task = driver.awaitTask(lead, "xdr-handoff");
    final String axe = Files.readString(AXE);

    browser.get(base() + "/login");
    final List<String> problems = new ArrayList<>(check(axe, "/login"));
    signIn("a11y-admin", accounts.create("a11y-admin", List.of("ADMIN")));
    awaitVisible(By.tagName("main"));
    for (final String page : List.of("/inbox?open=" + task.get("userTaskKey"), "/team", "/leads", "/leads/" + lead, "/notifications",
        "/reviews/weekly", "/marketing", "/tokens", "/no-such-page")) {
      browser.get(base() + page);
      awaitVisible(By.tagName("main"));
      problems.addAll(check(axe, page));
    }
    assertThat(problems).as("axe-core violations").isEmpty();
  }

  @SuppressWarnings("unchecked")
  private List<String> check(final String axe, final String page) {
    final var js = (JavascriptExecutor) browser;
    js.executeScript(axe);
    final List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}}).then(r => done(r.violations.map(v => ({id: v.id, help: v.help,"
            + " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));");
    return violations.stream().map(v -> page + ": " + v.get("id") + " (" + v.get("help") + ") at " + v.get("nodes")).toList();
  }
}
