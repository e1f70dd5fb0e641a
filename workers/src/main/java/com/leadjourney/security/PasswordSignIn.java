package com.leadjourney.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The one way a password is checked — form sign-in, HTTP Basic on the API and pages, Basic on the
 * engine gateway: against the users in the database, behind the {@link SignInThrottle}. The only
 * authentication provider of the app, so no path checks a password unthrottled.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

  /** Where an attempt came from, when it is not a web request (the engine gateway). */
  record Origin(String address) {}

  private final DaoAuthenticationProvider passwords;
  private final SignInThrottle throttle;

  PasswordSignIn(final AppUserRepository users, final PasswordEncoder encoder, final SignInThrottle throttle) {
    // Unknown users cost a bcrypt check too (DaoAuthenticationProvider), so timing does not tell which names exist.
    passwords = new DaoAuthenticationProvider(username -> users.findById(username)
        .map(u -> User.withUsername(u.username()).password(u.passwordHash()).roles(u.roles().toArray(String[]::new)).build())
        .orElseThrow(() -> new UsernameNotFoundException("No user " + username)));
    passwords.setPasswordEncoder(encoder);
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(final Authentication attempt) {
    final String username = attempt.getName();
    final String address = addressOf(attempt.getDetails());
    final var wait = throttle.waitFor(username, address);
    if (wait.isPresent()) {
      throw new SignInThrottledException(wait.get());
    }
    try {
      return passwords.authenticate(attempt);
    } catch (final BadCredentialsException e) {
      throttle.failed(username, address);
      throw e;
    }
  }

  /** The same check for a caller outside the web layer. */
  Authentication authenticate(final String username, final String password, final String address) {
    final var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    attempt.setDetails(new Origin(address));
    return authenticate(attempt);
  }

  @Override
  public boolean supports(final Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static String addressOf(final Object details) {
    if (details instanceof WebAuthenticationDetails web) {
      return web.getRemoteAddress();
    }
    return details instanceof Origin origin ? origin.address() : "unknown";
  }
}
