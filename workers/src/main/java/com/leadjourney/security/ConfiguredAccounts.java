package com.leadjourney.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The accounts an operator sets up by configuration. The first admin: password from
 * LEADJOURNEY_ADMIN_PASSWORD, or a random one written at the first start to the data dir's passwords
 * file (never to the log); there is no default password. Prometheus's scrape account {@code prometheus}
 * (role METRICS) exists when LEADJOURNEY_METRICS_PASSWORD is set. A changed password re-keys the
 * account, which ends its sessions and tokens.
 */
@Component
class ConfiguredAccounts implements SmartInitializingSingleton {

  static final String ADMIN = "admin";
  static final String SCRAPER = "prometheus";
  private static final Logger LOG = LoggerFactory.getLogger(ConfiguredAccounts.class);

  private final UserAccounts accounts;
  private final PasswordEncoder encoder;
  private final InitialPasswords passwordFile;
  private final String adminPassword;
  private final String metricsPassword;

  ConfiguredAccounts(
      final UserAccounts accounts,
      final PasswordEncoder encoder,
      final InitialPasswords passwordFile,
      @Value("${leadjourney.admin-password:}") final String adminPassword,
      @Value("${leadjourney.metrics.password:}") final String metricsPassword) {
    this.accounts = accounts;
    this.encoder = encoder;
    this.passwordFile = passwordFile;
    this.adminPassword = adminPassword;
    this.metricsPassword = metricsPassword;
  }

  /** Before the web server opens, so the first request can already sign in. */
  @Override
  public void afterSingletonsInstantiated() {
    if (!configure(ADMIN, "ADMIN", adminPassword) && accounts.find(ADMIN).isEmpty()) {
      final String password = accounts.create(ADMIN, List.of("ADMIN"));
      LOG.warn("\n\n  First start: created user '{}'; its password is in {} (readable by this OS user only).\n"
              + "  Set LEADJOURNEY_ADMIN_PASSWORD to choose your own.\n",
          ADMIN, passwordFile.record("first start: the admin", Map.of(ADMIN, password)));
    }
    configure(SCRAPER, "METRICS", metricsPassword);
  }

  /** Gives the account the configured password unless it has it already; false when none is configured. */
  private boolean configure(final String username, final String role, final String password) {
    if (password.isBlank()) {
      return false;
    }
    final var existing = accounts.find(username);
    if (existing.isEmpty() || !encoder.matches(password, existing.get().passwordHash())) {
      accounts.setPassword(username, password, List.of(role));
      LOG.info("User '{}' ({}) uses the configured password", username, role);
    }
    return true;
  }

  static String randomPassword() {
    final byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
