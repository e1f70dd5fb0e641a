package com.leadjourney.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.JourneyDriver;
import com.leadjourney.JourneyTest;
import com.leadjourney.security.UserAccounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** {@code GET /api/leads}: search, paging, and each role's scope. */
@SuppressWarnings({"rawtypes", "unchecked"})
class LeadSearchTest extends JourneyTest {

  @Autowired UserAccounts accounts;

  @Test
  void leadsAreFoundByNameEmailOrCompanyAPageAtATimeWithinWhatTheAskerMaySee() {
    final var driver = driver();
    final String grace = driver.lead("grace@searchable-corp.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final String alan = driver.lead("alan@searchable-corp.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final String owner = (String) driver.awaitTask(grace, "xdr-handoff").get("assignee");
    driver.awaitTask(alan, "xdr-handoff");

    final Map byCompany = api().admin().getForObject("/api/leads?q=SEARCHABLE-corp&size=1", Map.class);
    assertThat(byCompany.get("total")).isEqualTo(2);
    assertThat((List<Map>) byCompany.get("items")).singleElement().satisfies(l -> assertThat(l.get("id")).isEqualTo(alan)); // newest first
    final Map second = api().admin().getForObject("/api/leads?q=searchable-corp&size=1&page=1", Map.class);
    assertThat((List<Map>) second.get("items")).singleElement().satisfies(l -> assertThat(l.get("id")).isEqualTo(grace));
    assertThat((List<Map>) api().admin().getForObject("/api/leads?q=grace@searchable&stage=xdr-handoff&owner=" + owner, Map.class).get("items"))
        .extracting(l -> l.get("id")).containsExactly(grace);

    final var outsider = http.withBasicAuth("search-xdr", accounts.create("search-xdr", List.of("XDR")));
    assertThat((List<Map>) outsider.getForObject("/api/leads?q=searchable-corp", Map.class).get("items"))
        .as("an XDR of no team sees no other team's leads").isEmpty();
    final var teammate = http.withBasicAuth("xdr-ada", accounts.create("xdr-ada", List.of("XDR")));
    assertThat((List<Map>) teammate.getForObject("/api/leads?q=searchable-corp", Map.class).get("items")).hasSize(2);
    assertThat(http.withBasicAuth("search-designer", accounts.create("search-designer", List.of("DESIGNER")))
        .getForEntity("/api/leads", Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    final var tooMany = api().admin().getForEntity("/api/leads?size=500", Map.class);
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) tooMany.getBody().get("detail")).contains("between 1 and 100");
  }
}
