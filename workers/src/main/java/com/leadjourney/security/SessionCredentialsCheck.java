package com.leadjourney.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session ends when its user's password or roles change after the sign-in (an admin re-keying a
 * user, a leaked password replaced): the session's roles were copied at sign-in and would otherwise
 * live on. Read from the database on each request that brings a signed-in session, so it holds on
 * every app instance behind a load balancer too.
 */
final class SessionCredentialsCheck extends OncePerRequestFilter {

  private static final String SIGNED_IN_AT = SessionCredentialsCheck.class.getName() + ".SIGNED_IN_AT";

  private final AppUserRepository users;
  private final Clock clock;

  SessionCredentialsCheck(final AppUserRepository users, final Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  /** Sign-in success: remembers when, then goes where the person was headed (else {@code target}). */
  AuthenticationSuccessHandler signedIn(final String target) {
    final var destination = new SavedRequestAwareAuthenticationSuccessHandler();
    destination.setDefaultTargetUrl(target);
    return (request, response, authentication) -> {
      request.getSession().setAttribute(SIGNED_IN_AT, clock.instant());
      destination.onAuthenticationSuccess(request, response, authentication);
    };
  }

  @Override
  protected void doFilterInternal(final HttpServletRequest request, final HttpServletResponse response, final FilterChain chain)
      throws ServletException, IOException {
    final HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
        && context.getAuthentication() != null && !stillValid(context.getAuthentication().getName(), (Instant) session.getAttribute(SIGNED_IN_AT))) {
      session.invalidate();
      SecurityContextHolder.clearContext();
    }
    chain.doFilter(request, response);
  }

  private boolean stillValid(final String username, final Instant signedInAt) {
    return signedInAt != null && users.findById(username).filter(user -> !user.credentialsChangedAfter(signedInAt)).isPresent();
  }
}
