package com.leadjourney.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Whether a signed-in person holds a role, where a decision depends on it beyond the URL rules. */
public final class Roles {

  private Roles() {}

  /** {@code role} without the ROLE_ prefix, e.g. "MARKETING". */
  public static boolean has(final Authentication user, final String role) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + role)::equals);
  }
}
