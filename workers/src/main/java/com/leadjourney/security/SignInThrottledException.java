package com.leadjourney.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins from here: refused without checking the password. */
class SignInThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  SignInThrottledException(final Duration retryAfter) {
    super("Too many failed sign-ins: try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
    this.retryAfter = retryAfter;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
