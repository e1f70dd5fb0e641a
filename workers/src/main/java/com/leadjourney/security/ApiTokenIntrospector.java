package com.leadjourney.security;

import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/** Turns a bearer token into its owner with the roles the owner has now. */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

  private final ApiTokens tokens;
  private final AppUserRepository users;

  ApiTokenIntrospector(final ApiTokens tokens, final AppUserRepository users) {
    this.tokens = tokens;
    this.users = users;
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(final String token) {
    final AppUser user;
    try {
      user = tokens.ownerOf(token).flatMap(users::findById)
          .orElseThrow(() -> new BadOpaqueTokenException("The token is unknown, expired or revoked"));
    } catch (final DataAccessException e) {
      throw new OAuth2IntrospectionException("The user store is not answering", e); // → 503, not 401
    }
    return new DefaultOAuth2AuthenticatedPrincipal(
        user.username(), Map.of("sub", user.username()),
        user.roles().stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
  }
}
