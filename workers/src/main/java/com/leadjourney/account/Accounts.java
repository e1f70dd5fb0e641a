package com.leadjourney.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The accounts table: accounts, their owners, and the contacts (leads) matched to them. */
@Service
public class Accounts {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  private final com.leadjourney.audit.Audit audit;

  Accounts(final JdbcTemplate jdbc, final Clock clock, final com.leadjourney.audit.Audit audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
  }

  /** Creates an account; a second one with the same domain is refused by the database (DuplicateKeyException). */
  @org.springframework.transaction.annotation.Transactional
  String create(final String name, final String domain, final String owner, final String by) {
    final String id = UUID.randomUUID().toString();
    jdbc.update(
        "insert into account (id, name, normalized_name, domain, owner, created_at) values (?, ?, ?, ?, ?, ?)",
        id, name, AccountMatching.normalisedName(name), domain == null ? null : domain.toLowerCase(Locale.ROOT), owner,
        Timestamp.from(clock.instant()));
    audit.record(by, "account.created", "account", id, null, null, com.leadjourney.audit.Audit.state("name", name, "domain", domain, "owner", owner));
    return id;
  }

  /** The account with its contacts, oldest first; empty when there is none. */
  Optional<Map<String, Object>> withContacts(final String id) {
    final List<Map<String, Object>> rows =
        jdbc.queryForList("select id, name, domain, owner, customer, customer_since, created_at from account where id = ?", id);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    final Map<String, Object> account = rows.get(0);
    account.put("contacts", jdbc.queryForList("select id, email, first_name, last_name, stage from leads where account_id = ? order by created_at", id));
    return Optional.of(account);
  }

  /** False when there is no such account. */
  @org.springframework.transaction.annotation.Transactional
  boolean setOwner(final String id, final String owner, final String by) {
    final List<String> before = jdbc.queryForList("select owner from account where id = ? for update", String.class, id);
    if (before.isEmpty()) {
      return false;
    }
    jdbc.update("update account set owner = ? where id = ?", owner, id);
    audit.record(by, "account.owner", "account", id, null, com.leadjourney.audit.Audit.state("owner", before.get(0)),
        com.leadjourney.audit.Audit.state("owner", owner));
    return true;
  }

  /** The account became a customer (a won deal); the first time is kept. */
  public void markCustomer(final String id) {
    jdbc.update("update account set customer = true, customer_since = coalesce(customer_since, ?) where id = ?", Timestamp.from(clock.instant()), id);
  }

  /** What a lead's page shows of its account. */
  public Map<String, Object> summary(final String id) {
    return jdbc.queryForMap("select name, domain, owner, customer from account where id = ?", id);
  }

  /** The account's other contacts, oldest first (a lead's colleagues). */
  public List<Map<String, Object>> colleaguesOf(final String accountId, final String leadId) {
    return jdbc.queryForList(
        "select id, email, title, stage, journey_result from leads where account_id = ? and id <> ? order by created_at", accountId, leadId);
  }
}
