package com.leadjourney.security;

import com.leadjourney.engine.GatewayAccess;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Callers of the embedded engine's gateway: the app's own client by its internal credential, and
 * people by their app password (throttled like every sign-in) — process designers may deploy.
 */
@Component
class EngineGatewayAccess implements GatewayAccess {

  private final InternalCredential internal;
  private final PasswordSignIn passwords;

  EngineGatewayAccess(final InternalCredential internal, final PasswordSignIn passwords) {
    this.internal = internal;
    this.passwords = passwords;
  }

  @Override
  public Optional<GatewayCaller> authenticate(final String username, final String password, final SocketAddress from) {
    if (internal.matches(username, password)) {
      return Optional.of(new GatewayCaller(username, true, false));
    }
    try {
      final var user = passwords.authenticate(username, password, address(from));
      return Optional.of(new GatewayCaller(user.getName(), false, Roles.has(user, "DESIGNER") || Roles.has(user, "ADMIN")));
    } catch (final AuthenticationException e) {
      return Optional.empty();
    }
  }

  private static String address(final SocketAddress from) {
    return from instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(from);
  }
}
