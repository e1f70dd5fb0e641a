package com.leadjourney.account;

import com.leadjourney.routing.KnownPeople;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

  private final Accounts accounts;
  private final KnownPeople people;

  AccountController(final Accounts accounts, final KnownPeople people) {
    this.accounts = accounts;
    this.people = people;
  }

  @PostMapping("/api/accounts")
  ResponseEntity<Map<String, Object>> create(@Valid @RequestBody final AccountRequest account, final java.security.Principal user) {
    final String id;
    try {
      id = accounts.create(account.name(), account.domain(), account.owner(), user.getName());
    } catch (final DuplicateKeyException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "An account with domain " + account.domain() + " exists; set its owner instead");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(one(id));
  }

  @GetMapping("/api/accounts/{id}")
  Map<String, Object> one(@PathVariable final String id) {
    return accounts.withContacts(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No account " + id));
  }

  @PutMapping("/api/accounts/{id}/owner")
  Map<String, Object> owner(@PathVariable final String id, @Valid @RequestBody final Owner owner, final java.security.Principal user) {
    if (owner.owner() != null) {
      people.check(owner.owner(), "the account's owner");
    }
    if (!accounts.setOwner(id, owner.owner(), user.getName())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No account " + id);
    }
    return one(id);
  }
}
