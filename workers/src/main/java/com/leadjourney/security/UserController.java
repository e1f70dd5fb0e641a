package com.leadjourney.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins create people with their roles; the password is random and shown once in the answer
 * (never stored in clear, never chosen weak). Creating an existing user gives it a new password.
 */
@RestController
class UserController {

  record NewUser(
      @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,99}", message = "must be 2-100 lower-case letters, digits, '.', '_' or '-'") String username,
      @NotEmpty(message = "needs at least one role") List<@Pattern(regexp = "ADMIN|DESIGNER|XDR|AE|MANAGER|MARKETING|SALES|LEADERSHIP|INTEGRATION|METRICS|PRIVACY",
          message = "must be one of ADMIN, DESIGNER, XDR, AE, MANAGER, MARKETING, SALES, LEADERSHIP, INTEGRATION, METRICS, PRIVACY") String> roles) {}

  private final UserAccounts accounts;
  private final AppUserRepository users;
  private final com.leadjourney.audit.Audit audit;

  UserController(final UserAccounts accounts, final AppUserRepository users, final com.leadjourney.audit.Audit audit) {
    this.accounts = accounts;
    this.users = users;
    this.audit = audit;
  }

  @PostMapping("/api/users")
  ResponseEntity<Map<String, Object>> create(@Valid @RequestBody final NewUser user, final java.security.Principal admin) {
    final String password = accounts.create(user.username(), user.roles());
    audit.record(admin.getName(), "user.created", "user", user.username(), null, null, com.leadjourney.audit.Audit.state("roles", user.roles()));
    return ResponseEntity.created(URI.create("/api/users"))
        .body(Map.of("username", user.username(), "roles", user.roles(), "password", password, "note", "shown only now"));
  }

  @GetMapping("/api/users")
  List<Map<String, Object>> all() {
    return users.findAll().stream().map(u -> Map.<String, Object>of("username", u.username(), "roles", u.roles())).toList();
  }
}
