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

  /** When the password or roles last changed: sessions signed in before that end, tokens were revoked then. */
  private Instant credentialsChangedAt;

  protected AppUser() {}

  AppUser(final String username, final String passwordHash, final List<String> roles, final Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.roles = String.join(",", roles);
    this.createdAt = createdAt;
    this.credentialsChangedAt = createdAt;
  }

  /** A new password and roles for an existing user. */
  void rekey(final String passwordHash, final List<String> roles, final Instant at) {
    this.passwordHash = passwordHash;
    this.roles = String.join(",", roles);
    this.credentialsChangedAt = at;
  }

  boolean credentialsChangedAfter(final Instant moment) {
    return credentialsChangedAt != null && credentialsChangedAt.isAfter(moment);
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
