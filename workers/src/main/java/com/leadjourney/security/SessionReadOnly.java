package com.leadjourney.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The API reads the sign-in of a workbench session (pages call the API) but never writes one: a
 * script's Basic or token sign-in must not turn into a session cookie, which its HTTP client would
 * then send back as a browser does.
 */
final class SessionReadOnly implements SecurityContextRepository {

  private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  SessionReadOnly() {
    sessions.setAllowSessionCreation(false);
  }

  @Override
  public DeferredSecurityContext loadDeferredContext(final HttpServletRequest request) {
    return sessions.loadDeferredContext(request);
  }

  @Override
  @SuppressWarnings("deprecation")
  public SecurityContext loadContext(final HttpRequestResponseHolder holder) {
    final Supplier<SecurityContext> context = sessions.loadDeferredContext(holder.getRequest());
    return context.get();
  }

  @Override
  public void saveContext(final SecurityContext context, final HttpServletRequest request, final HttpServletResponse response) {}

  @Override
  public boolean containsContext(final HttpServletRequest request) {
    return sessions.containsContext(request);
  }
}
