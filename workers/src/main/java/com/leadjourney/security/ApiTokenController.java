package com.leadjourney.security;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Everyone's own API tokens: issue (the secret is in this answer only), list, revoke. */
@RestController
class ApiTokenController {

  record Request(String name, Integer days) {}

  private final ApiTokens tokens;

  ApiTokenController(final ApiTokens tokens) {
    this.tokens = tokens;
  }

  @PostMapping("/api/tokens")
  ResponseEntity<Map<String, Object>> issue(@RequestBody final Request request, final Authentication user) {
    final var issued = tokens.issue(user.getName(), request.name(), request.days());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("token", issued.secret(), "id", issued.token().id(), "name", issued.token().name(),
        "expiresAt", issued.token().expiresAt()));
  }

  @GetMapping("/api/tokens")
  List<ApiTokens.Token> mine(final Authentication user) {
    return tokens.of(user.getName());
  }

  @DeleteMapping("/api/tokens/{id}")
  ResponseEntity<Void> revoke(@PathVariable final String id, final Authentication user) {
    tokens.revoke(user, id);
    return ResponseEntity.noContent().build();
  }
}
