package com.leadjourney.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.BrowserTest;
import com.leadjourney.JourneyDriver;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

/**
 * The rest of the workbench in a real browser: the AE's acceptance and opportunity, the manager's
 * team page, the designer's page and marketing's definition and feedback page.
 */
class WorkbenchBrowserTest extends BrowserTest {

  @Autowired CamundaClient client;

  @Test
  @SuppressWarnings("unchecked")
  void anAeAcceptsTheSqlAndConfirmsContactRolesOnTheOpportunity() throws Exception {
    final var driver = driver();
    final String lead = driver.lead("cfo@ae-browser-corp.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final String colleague = driver.lead("cto@ae-browser-corp.com", "ebook", "ebook-q3", JourneyDriver.STRONG_FIT);
    final var task = driver.sqlAwaitingAcceptance(lead);
    final String ae = (String) task.get("assignee");

    browser.get(base() + "/inbox");
    signIn(ae, accounts.create(ae, List.of("AE")));
    final WebElement panel = openTask(task.get("userTaskKey"));
    assertThat(panel.getText()).contains("Accept or reject the SQL");
    new Select(panel.findElement(By.name("outcome"))).selectByValue("accepted");
    panel.findElement(By.xpath(".//button[normalize-space()='Complete']")).click();
    assertThat(awaitVisible(By.cssSelector("[role=status]")).getText()).isEqualTo("Done: accepted.");
    screenshot("ae-accepted");

    final var opportunity = driver.awaitOpportunity(lead);
    browser.get(base() + "/leads/" + lead);
    awaitVisible(By.linkText("discovery opened " + opportunity.get("openedAt"))).click();
    awaitVisible(By.id("amount")).sendKeys("48000");
    ((JavascriptExecutor) browser).executeScript("document.getElementById('closeDate').value = '2027-03-31'");
    new Select(browser.findElement(By.id("stage-select"))).selectByValue("proposal");
    final WebElement cto = browser.findElement(By.cssSelector("tr[data-contact='cto@ae-browser-corp.com']"));
    new Select(cto.findElement(By.tagName("select"))).selectByValue("champion");
    cto.findElement(By.cssSelector("input[type=checkbox]")).click();
    final WebElement cfo = browser.findElement(By.cssSelector("tr[data-contact='cfo@ae-browser-corp.com']"));
    new Select(cfo.findElement(By.tagName("select"))).selectByValue("economic-buyer");
    browser.findElement(By.xpath("//button[normalize-space()='Save changes']")).click();
    assertThat(awaitVisible(By.cssSelector("[role=status]")).getText()).startsWith("Sent");

    await().atMost(Duration.ofSeconds(30)).until(() -> {
      browser.navigate().refresh();
      return browser.findElement(By.id("stage")).getText().equals("proposal");
    });
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("48,000.00", "closes 2027-03-31", "— applied");
    assertThat(new Select(browser.findElement(By.cssSelector("tr[data-contact='cto@ae-browser-corp.com'] select"))).getFirstSelectedOption().getText())
        .isEqualTo("champion");
    screenshot("opportunity-page");
    final Map<String, Object> deal = api().admin().getForObject("/api/opportunities/" + opportunity.get("id"), Map.class);
    assertThat((List<Map<String, Object>>) deal.get("contactRoles")).extracting(r -> r.get("leadId") + " " + r.get("role") + " " + r.get("confirmed"))
        .containsExactlyInAnyOrder(colleague + " champion true", lead + " economic-buyer false");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aManagerPausesAMemberAndPlansAnAbsence() throws Exception {
    List.of("penguin-ann", "penguin-bob").forEach(member -> api().ensureUser(member, "XDR"));
    api().admin().exchange("/api/teams/xdr-penguin", HttpMethod.PUT, new HttpEntity<>(Map.of(
        "name", "Penguin XDRs", "function", "xdr", "isDefault", false, "manager", "penguin-manager", "timeZone", "Europe/Berlin",
        "workDays", "MON,TUE,WED,THU,FRI", "opens", "09:00", "closes", "17:00",
        "members", List.of(Map.of("username", "penguin-ann", "weight", 1, "maxOpen", 4, "active", true),
            Map.of("username", "penguin-bob", "weight", 1, "maxOpen", 4, "active", true)))), Map.class);

    browser.get(base() + "/team");
    signIn("penguin-manager", accounts.create("penguin-manager", List.of("MANAGER")));
    final By bob = By.cssSelector("section[data-team='xdr-penguin'] tr[data-member='penguin-bob']");
    assertThat(awaitVisible(By.cssSelector("section[data-team='xdr-penguin']")).getText()).contains("0 open leads of a capacity of 8");
    browser.findElement(bob).findElement(By.xpath(".//button[normalize-space()='Pause new leads']")).click();
    assertThat(awaitVisible(By.cssSelector("[role=status]")).getText()).isEqualTo("penguin-bob takes no new leads until made available.");
    assertThat(browser.findElement(bob).getText()).contains("no").contains("Make available");

    final WebElement team = browser.findElement(By.cssSelector("section[data-team='xdr-penguin']"));
    new Select(team.findElement(By.name("username"))).selectByValue("penguin-ann");
    ((JavascriptExecutor) browser).executeScript(
        "arguments[0].value = '2030-06-03T09:00'; arguments[1].value = '2030-06-05T17:00'",
        team.findElement(By.name("from")), team.findElement(By.name("until")));
    team.findElement(By.name("reason")).sendKeys("conference");
    team.findElement(By.xpath(".//button[normalize-space()='Add absence']")).click();
    awaitStatus("penguin-ann is out of office");
    final WebElement absence = browser.findElement(By.cssSelector("section[data-team='xdr-penguin'] li[data-absence]"));
    assertThat(absence.getText()).contains("penguin-ann:", "(conference)");
    assertThat(absence.findElements(By.tagName("time"))).as("09:00 in Berlin in June is 07:00 UTC")
        .extracting(t -> t.getAttribute("datetime")).containsExactly("2030-06-03T07:00:00Z", "2030-06-05T15:00:00Z");
    screenshot("manager-team-page");

    final List<Map<String, Object>> teams = api().admin().getForObject("/api/teams", List.class);
    assertThat((List<Map<String, Object>>) teams.stream().filter(t -> "xdr-penguin".equals(t.get("id"))).findFirst().orElseThrow().get("members"))
        .extracting(m -> m.get("username") + "=" + m.get("active")).containsExactly("penguin-ann=true", "penguin-bob=false");
    final List<Map<String, Object>> trail = api().admin().getForObject("/api/audit?subjectType=team&subjectId=xdr-penguin", List.class);
    assertThat(trail).extracting(e -> e.get("actor") + " " + e.get("action")).containsExactly(
        "admin team.created", "penguin-manager team.availability", "penguin-manager team.out-of-office");
  }

  @Test
  void leadershipDownloadsTheReviewFromThePageAndARefusedPageSaysWhatToDo() throws Exception {
    browser.get(base() + "/reviews/weekly");
    signIn("browser-vp", accounts.create("browser-vp", List.of("LEADERSHIP")));
    final WebElement bands = awaitVisible(By.cssSelector("section[data-key='speed-to-lead-bands']"));
    assertThat(bands.findElements(By.cssSelector("tbody th"))).extracting(WebElement::getText)
        .as("bands in order, not as text").containsExactly("0-5 min", "5-15 min", "15-60 min", "60+ min");
    assertThat(browser.findElements(By.linkText("Open the Grafana board"))).as("no Grafana configured, no link to nowhere").isEmpty();
    final String csv = browser.findElement(By.linkText("Download CSV")).getAttribute("href");
    final Object download = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('content-type') + ' ' + t.split('\\n')[0])))", csv);
    assertThat(download).as("the link works with the page's own sign-in")
        .asString().startsWith("200 text/csv").contains("period,section,group,item,unit,value,previous,delta,target,status");

    browser.get(base() + "/reviews/weekly?period=next-tuesday");
    assertThat(awaitVisible(By.tagName("h1")).getText()).isEqualTo("400 · Bad Request");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("next-tuesday");

    browser.get(base() + "/team");
    assertThat(awaitVisible(By.tagName("h1")).getText()).isEqualTo("403 · Forbidden");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Your role does not open this page", "ask an admin");
    assertThat(browser.findElement(By.linkText("Back to your start page")).getAttribute("href")).isEqualTo(base() + "/");
    assertThat(browser.findElement(By.cssSelector("header nav")).getText()).as("in the workbench's layout").contains("Reviews");
    screenshot("forbidden-page");
  }

  @Test
  void aDesignerSeesJourneysWaitingOnTheDiagramAndRetriesAnIncident() throws Exception {
    final var driver = driver();
    final String lead = driver.lead("ops@designer-corp.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    driver.awaitTask(lead, "xdr-handoff");
    client.newDeployResourceCommand().addProcessModel(
        Bpmn.createExecutableProcess("designer-probe").startEvent().exclusiveGateway("BigEnough")
            .sequenceFlowId("Large").conditionExpression("amount > 100").endEvent("Done").done(), "designer-probe.bpmn").send().join();
    final long stuck = client.newCreateInstanceCommand().bpmnProcessId("designer-probe").latestVersion().send().join().getProcessInstanceKey();

    browser.get(base() + "/designer");
    signIn("designer-dora", accounts.create("designer-dora", List.of("DESIGNER")));
    assertThat(awaitVisible(By.cssSelector("#diagram h1")).getText()).startsWith("lead-journey · version").endsWith("(live)");
    // bpmn-js drew the model and put the waiting counts on it.
    final WebElement handoff = new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector("#waiting tr[data-element='XdrHandoff']")).stream().findFirst().orElse(null));
    assertThat(Integer.parseInt(handoff.findElement(By.cssSelector("td.num")).getText())).isPositive();
    assertThat(browser.findElements(By.cssSelector("#canvas .djs-overlay .waiting[data-element='XdrHandoff']"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#canvas g.djs-element[data-element-id='XdrHandoff']"))).hasSize(1);
    screenshot("designer-diagram");

    final By incident = By.xpath("//tr[@data-incident][contains(., 'designer-probe · BigEnough')]");
    assertThat(awaitVisible(incident).getText()).contains("amount > 100");
    client.newSetVariablesCommand(stuck).variables(Map.of("amount", 200)).send().join();
    browser.findElement(incident).findElement(By.xpath(".//button[normalize-space()='Retry']")).click();
    assertThat(awaitVisible(By.cssSelector("[role=status]")).getText()).contains("retried");
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      browser.navigate().refresh();
      return browser.findElements(incident).isEmpty();
    });

    browser.findElement(By.id("mappings")).sendKeys("WorkTheLead to WorkTheLead");
    browser.findElement(By.xpath("//button[normalize-space()='Migrate']")).click();
    assertThat(awaitVisible(By.cssSelector("[role=alert]")).getText()).contains("Write each mapping as 'source -> target'");

    // A second version deployed from Modeler (through the gateway, not by the app) is what new instances run on: live.
    final long v2 = client.newDeployResourceCommand().addProcessModel(
        Bpmn.createExecutableProcess("designer-probe").startEvent().endEvent("Quick").done(), "designer-probe.bpmn").send().join()
        .getProcesses().get(0).getProcessDefinitionKey();
    browser.navigate().refresh();
    assertThat(awaitVisible(By.cssSelector("tr[data-version='" + v2 + "']")).getText()).contains("live");
    assertThat(browser.findElements(By.xpath("//tr[@data-version][contains(., 'designer-probe.bpmn')]"))).hasSize(2)
        .filteredOn(r -> r.getText().contains("live")).hasSize(1);
  }

  @Test
  void marketingDraftsAVersionFromADmnProposesItAndSignsTheirSide() throws Exception {
    final var driver = driver();
    final String lead = driver.lead("buyer@digest-corp.com", "webinar", "digest-campaign", JourneyDriver.STRONG_FIT);
    final var task = driver.awaitTask(lead, "xdr-handoff");
    driver.touch(task, "call");
    driver.complete(task, Map.of("outcome", "recycle", "reason", "bad-timing", "objections", "Wants SSO; price"));
    final String dmn = api().admin().getForObject("/api/definitions/v1-default/dmn", String.class);
    final var file = java.nio.file.Files.createTempFile("definition-", ".dmn");
    java.nio.file.Files.writeString(file, dmn);

    browser.get(base() + "/marketing");
    signIn("marketing-mia", accounts.create("marketing-mia", List.of("MARKETING")));
    awaitVisible(By.id("dmn")).sendKeys(file.toString());
    browser.findElement(By.id("draft-version")).sendKeys("v-browser");
    browser.findElement(By.id("draft-title")).sendKeys("Same rules, drafted in the browser");
    browser.findElement(By.xpath("//button[normalize-space()='Save draft']")).click();
    assertThat(awaitVisible(By.cssSelector("[role=status]")).getText()).startsWith("Draft v-browser saved with");
    final By row = By.cssSelector("tr[data-version='v-browser']");
    browser.findElement(row).findElement(By.xpath(".//button[normalize-space()='Propose']")).click();
    awaitStatus("v-browser is proposed");
    browser.findElement(row).findElement(By.xpath(".//button[normalize-space()='Sign']")).click();
    assertThat(awaitStatus("Signed;")).isEqualTo("Signed; v-browser waits for the other side.");
    assertThat(browser.findElement(row).getText()).contains("proposed", "marketing: marketing-mia");

    await().atMost(Duration.ofSeconds(30)).until(() -> {
      browser.get(base() + "/marketing?by=campaign&days=30");
      return browser.findElements(By.xpath("//table[@id='objections']//tr[td='digest-campaign']")).size() == 2;
    });
    assertThat(browser.findElement(By.id("reasons")).getText()).contains("digest-campaign bad-timing 1");
    assertThat(browser.findElement(By.id("objections")).getText()).contains("digest-campaign price 1", "digest-campaign wants sso 1");
    screenshot("marketing-page");
  }
}
