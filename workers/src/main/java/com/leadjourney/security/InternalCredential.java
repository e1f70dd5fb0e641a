package com.leadjourney.security;

import io.camunda.client.CredentialsProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The app's own credential for the embedded engine: its Camunda client sends it on every gRPC call
 * and on the user-task REST calls it makes to this app's {@code /v2/user-tasks}. New and random at
 * every start, held in memory only: nothing outside this JVM can know it, so nothing outside the
 * app's own task API can complete a task around its audit trail, inbox and routing caps.
 */
@Configuration(proxyBeanMethods = false)
public class InternalCredential {

  /** Not a possible app user: user names start with a letter or digit. */
  static final String USERNAME = "_leadjourney";
  /** What the internal credential signs in as on {@code /v2/**}; no person can hold it. */
  static final String ROLE = "ENGINE_CLIENT";

  private final String password = ConfiguredAccounts.randomPassword() + ConfiguredAccounts.randomPassword();

  boolean matches(final String username, final String candidate) {
    return USERNAME.equals(username)
        && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  /** For the {@code /v2/**} filter chain: the internal credential, or nothing. */
  Authentication authenticate(final Authentication attempt) {
    if (attempt instanceof UsernamePasswordAuthenticationToken && attempt.getCredentials() != null
        && matches(attempt.getName(), attempt.getCredentials().toString())) {
      return UsernamePasswordAuthenticationToken.authenticated(USERNAME, null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }
    throw new BadCredentialsException("Not the app's internal credential");
  }

  /** Replaces the Camunda starter's own (properties-based) credentials in embedded mode. */
  @Bean
  @ConditionalOnProperty(name = "leadjourney.engine.embedded", matchIfMissing = true)
  CredentialsProvider embeddedEngineCredentials() {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username(USERNAME).password(password).build();
  }
}
