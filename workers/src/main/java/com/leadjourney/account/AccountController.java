package com.leadjourney.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Accounts and their owners: a lead from an owned account goes to its owner first. */
@RestController
class AccountController {

  record AccountRequest(
      @NotBlank @Size(max = 200) String name,
      @Pattern(regexp = "[a-z0-9.-]+\\.[a-z]{2,}", message = "must be a domain such as acme.de") String domain,
      @Size(max = 100) String owner) {}

  record Owner(@Size(max = 100) String owner) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  AccountController(final JdbcTemplate jdbc, final Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @PostMapping("/api/accounts")
  ResponseEntity<Map<String, Object>> create(@Valid @RequestBody final AccountRequest account) {
    final String id = UUID.randomUUID().toString();
    final String name = AccountMatching.normalisedName(account.name());
    try {
      jdbc.update(
          "insert into account (id, name, normalized_name, domain, owner, created_at) values (?, ?, ?, ?, ?, ?)",
          id, account.name(), name, account.domain() == null ? null : account.domain().toLowerCase(Locale.ROOT), account.owner(),
          Timestamp.from(clock.instant()));
    } catch (final DuplicateKeyException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "An account with domain " + account.domain() + " exists; set its owner instead");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(one(id));
  }

  @GetMapping("/api/accounts/{id}")
  Map<String, Object> one(@PathVariable final String id) {
    final List<Map<String, Object>> rows =
        jdbc.queryForList("select id, name, domain, owner, customer, customer_since, created_at from account where id = ?", id);
    if (rows.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No account " + id);
    }
    final Map<String, Object> account = rows.get(0);
    account.put("contacts", jdbc.queryForList("select id, email, first_name, last_name, stage from leads where account_id = ? order by created_at", id));
    return account;
  }

  @PutMapping("/api/accounts/{id}/owner")
  Map<String, Object> owner(@PathVariable final String id, @Valid @RequestBody final Owner owner) {
    if (jdbc.update("update account set owner = ? where id = ?", owner.owner(), id) == 0) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No account " + id);
    }
    return one(id);
  }
}
