package com.leadjourney.routing;

import com.leadjourney.security.UserAccounts;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Whether a username names someone the app knows, before leads, accounts or absences are given to
 * it: a typo ("ae-linsu") would otherwise route leads to nobody, unnoticed. Known: a user account, or
 * a member of a team already (the placeholder members the default teams start with, until replaced).
 */
@Component
public class KnownPeople {

  private final UserAccounts accounts;
  private final JdbcTemplate jdbc;

  KnownPeople(final UserAccounts accounts, final JdbcTemplate jdbc) {
    this.accounts = accounts;
    this.jdbc = jdbc;
  }

  /** 422 naming every unknown username, for {@code what} (e.g. "member"). */
  public void check(final Collection<String> usernames, final String what) {
    final Set<String> unknown = new TreeSet<>(accounts.withoutAccount(usernames.stream().distinct().toList()));
    if (!unknown.isEmpty()) {
      unknown.removeAll(jdbc.queryForList("select distinct username from team_member where username in (" + String.join(", ", unknown.stream().map(u -> "?").toList())
          + ")", String.class, unknown.toArray()));
    }
    if (!unknown.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY,
          "No user " + String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList()) + " for " + what
              + ": create the account first (POST /api/users, or the users page), then try again");
    }
  }

  public void check(final String username, final String what) {
    check(List.of(username), what);
  }
}
