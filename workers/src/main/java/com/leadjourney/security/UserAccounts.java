package com.leadjourney.security;

import java.time.Clock;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users the app creates with a fresh random password, shown once to whoever asked: the demo's
 * people (XDRs, AEs, a manager, marketing). A real deployment starts with the admin only.
 */
@Service
public class UserAccounts {

  private final AppUserRepository users;
  private final PasswordEncoder encoder;
  private final Clock clock;

  UserAccounts(final AppUserRepository users, final PasswordEncoder encoder, final Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.clock = clock;
  }

  /** Creates (or re-keys) the user and returns its password in clear text, once. */
  @Transactional
  public String create(final String username, final List<String> roles) {
    final String password = AdminAccount.randomPassword();
    users.save(new AppUser(username, encoder.encode(password), roles, clock.instant()));
    return password;
  }
}
