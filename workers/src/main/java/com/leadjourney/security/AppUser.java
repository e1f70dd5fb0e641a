package com.leadjourney.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@Entity
@Table(name = "app_user")
class AppUser {

  @Id private String username;
  private String passwordHash;

  /** Comma-separated role names, e.g. "ADMIN" or "XDR,MANAGER". */
  private String roles;

  private Instant createdAt;

  protected AppUser() {}

  AppUser(final String username, final String passwordHash, final List<String> roles, final Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.roles = String.join(",", roles);
    this.createdAt = createdAt;
  }

  String username() {
    return username;
  }

  String passwordHash() {
    return passwordHash;
  }

  List<String> roles() {
    return Arrays.asList(roles.split(","));
  }
}
