package com.leadjourney.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which API requests need a CSRF token: the state-changing ones that may carry credentials a
 * browser attaches by itself — a session cookie, or HTTP Basic the browser saved after a sign-in
 * prompt (a browser always says where a request came from: Origin or Sec-Fetch-Site). A page of
 * another site could make the browser send those. Scripts with an API token (never attached by a
 * browser) or Basic from a non-browser client need none, nor do signed webhooks.
 */
final class BrowserCredentials implements RequestMatcher {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  public boolean matches(final HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod()) || request.getRequestURI().startsWith("/api/webhooks/")) {
      return false;
    }
    final String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return request.getRequestedSessionId() != null
        || request.getHeader(HttpHeaders.COOKIE) != null
        || request.getHeader(HttpHeaders.ORIGIN) != null
        || request.getHeader("Sec-Fetch-Site") != null;
  }
}
