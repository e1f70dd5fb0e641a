package com.leadjourney.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Who changed the routing, the users and the account owners, from what to what: the audit trail says. */
class AdminChangesAuditTest extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;

  @Test
  @SuppressWarnings("unchecked")
  void teamsUsersAndAccountOwnersChangedByAnAdminAreAudited() {
    final var admin = new LeadApi(http).admin();
    new LeadApi(http).ensureUser("audit-ana", "XDR");
    new LeadApi(http).ensureUser("ae-audited", "AE");
    final Map<String, Object> team = new java.util.HashMap<>(Map.of("name", "Audited", "function", "xdr", "isDefault", false, "manager", "audit-manager",
        "members", List.of(Map.of("username", "audit-ana", "weight", 1, "active", true)), "territories", List.of(Map.of("rank", 0, "country", "IS"))));
    team.putAll(Map.of("timeZone", "UTC", "workDays", "MON,TUE,WED,THU,FRI", "opens", "09:00", "closes", "17:00"));
    final var created = admin.exchange("/api/teams/audited", HttpMethod.PUT, new HttpEntity<>(team), Map.class);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.OK);
    final var heavier = new java.util.HashMap<>(team);
    heavier.put("members", List.of(Map.of("username", "audit-ana", "weight", 3, "maxOpen", 10, "active", true)));
    assertThat(admin.exchange("/api/teams/audited", HttpMethod.PUT, new HttpEntity<>(heavier), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    final List<Map<String, Object>> teamTrail = admin.getForObject("/api/audit?subjectType=team&subjectId=audited", List.class);
    assertThat(teamTrail).extracting(e -> e.get("action")).containsExactly("team.created", "team.changed");
    assertThat(String.valueOf(teamTrail.get(1).get("before"))).contains("weight=1");
    assertThat(String.valueOf(teamTrail.get(1).get("after"))).contains("weight=3", "max_open=10");

    assertThat(admin.postForEntity("/api/users", Map.of("username", "audited-user", "roles", List.of("XDR")), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    final List<Map<String, Object>> userTrail = admin.getForObject("/api/audit?subjectType=user&subjectId=audited-user", List.class);
    assertThat(userTrail).singleElement().satisfies(e -> {
      assertThat(e.get("action")).isEqualTo("user.created");
      assertThat(String.valueOf(e.get("after"))).contains("XDR").doesNotContain("password");
    });

    final var account = admin.postForEntity("/api/accounts", Map.of("name", "Audited Corp", "domain", "audited-corp.com"), Map.class);
    final String accountId = (String) account.getBody().get("id");
    admin.exchange("/api/accounts/" + accountId + "/owner", HttpMethod.PUT, new HttpEntity<>(Map.of("owner", "ae-audited")), Map.class);
    final List<Map<String, Object>> accountTrail = admin.getForObject("/api/audit?subjectType=account&subjectId=" + accountId, List.class);
    assertThat(accountTrail).extracting(e -> e.get("action")).containsExactly("account.created", "account.owner");
    assertThat(accountTrail.get(1).get("after")).isEqualTo(Map.of("owner", "ae-audited"));
  }

  /** A typo in a username would route leads, accounts or absences to nobody: refused, naming who is unknown. */
  @Test
  void unknownUsernamesAreRefusedForMembersOwnersAndAbsences() {
    final var admin = new LeadApi(http).admin();
    final Map<String, Object> team = new java.util.HashMap<>(Map.of("name", "Typo", "function", "xdr", "isDefault", false,
        "members", List.of(Map.of("username", "xdr-nobody-by-that-name", "weight", 1, "active", true))));
    team.putAll(Map.of("timeZone", "UTC", "workDays", "MON,TUE,WED,THU,FRI", "opens", "09:00", "closes", "17:00"));
    final var member = admin.exchange("/api/teams/typo", HttpMethod.PUT, new HttpEntity<>(team), Map.class);
    assertThat(member.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat((String) member.getBody().get("detail")).contains("No user 'xdr-nobody-by-that-name'");
    assertThat(admin.getForObject("/api/teams", List.class).toString()).as("nothing stored").doesNotContain("xdr-nobody-by-that-name");

    final String accountId = (String) admin.postForEntity("/api/accounts", Map.of("name", "Typo Corp", "domain", "typo-corp.com"), Map.class).getBody().get("id");
    final var owner = admin.exchange("/api/accounts/" + accountId + "/owner", HttpMethod.PUT, new HttpEntity<>(Map.of("owner", "ae-linsu")), Map.class);
    assertThat(owner.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

    final var absence = admin.postForEntity("/api/out-of-office", Map.of("username", "xdr-nobody-by-that-name",
        "startsAt", "2027-01-04T09:00:00Z", "endsAt", "2027-01-05T09:00:00Z"), Map.class);
    assertThat(absence.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
  }
}
