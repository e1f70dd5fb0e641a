package com.leadjourney.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first admin: password from LEADJOURNEY_ADMIN_PASSWORD, or a random one printed once at the
 * first start. There is no default password.
 */
@Component
class AdminAccount implements SmartInitializingSingleton {

  static final String ADMIN = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);

  private final AppUserRepository users;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final String configuredPassword;

  AdminAccount(
      final AppUserRepository users,
      final PasswordEncoder encoder,
      final Clock clock,
      @Value("${leadjourney.admin-password:}") final String configuredPassword) {
    this.users = users;
    this.encoder = encoder;
    this.clock = clock;
    this.configuredPassword = configuredPassword;
  }

  /** Before the web server opens, so the first request can already sign in. */
  @Override
  public void afterSingletonsInstantiated() {
    final boolean configured = !configuredPassword.isBlank();
    final var existing = users.findById(ADMIN);
    if (existing.isPresent() && (!configured || encoder.matches(configuredPassword, existing.get().passwordHash()))) {
      return;
    }
    final String password = configured ? configuredPassword : randomPassword();
    users.save(new AppUser(ADMIN, encoder.encode(password), List.of("ADMIN"), clock.instant()));
    if (configured) {
      LOG.info("Admin user '{}' uses the password from LEADJOURNEY_ADMIN_PASSWORD", ADMIN);
    } else {
      // Printed once, on purpose: it is not stored anywhere in clear text.
      LOG.warn(
          "\n\n  First start: created user '{}' with password  {}\n  It is shown only now. Set LEADJOURNEY_ADMIN_PASSWORD to choose your own.\n",
          ADMIN,
          password);
    }
  }

  static String randomPassword() {
    final byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
