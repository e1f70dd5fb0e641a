package com.leadjourney.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users the app creates with a fresh random password, shown once to whoever asked. Giving an
 * existing user a new password or other roles ends what the old ones opened: their API tokens are
 * revoked and their signed-in sessions end at their next request.
 */
@Service
public class UserAccounts {

  private final AppUserRepository users;
  private final PasswordEncoder encoder;
  private final ApiTokens tokens;
  private final Clock clock;

  UserAccounts(final AppUserRepository users, final PasswordEncoder encoder, final ApiTokens tokens, final Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** Those of the usernames that have no account here. */
  public java.util.Set<String> withoutAccount(final java.util.Collection<String> usernames) {
    final var known = users.findAllById(usernames).stream().map(AppUser::username).collect(java.util.stream.Collectors.toSet());
    return usernames.stream().filter(u -> !known.contains(u)).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Creates (or re-keys) the user and returns its password in clear text, once. */
  @Transactional
  public String create(final String username, final List<String> roles) {
    final String password = ConfiguredAccounts.randomPassword();
    setPassword(username, password, roles);
    return password;
  }

  @Transactional
  void setPassword(final String username, final String password, final List<String> roles) {
    final String hash = encoder.encode(password);
    final var existing = users.findById(username);
    if (existing.isEmpty()) {
      users.save(new AppUser(username, hash, roles, clock.instant()));
      return;
    }
    existing.get().rekey(hash, roles, clock.instant());
    tokens.revokeAllOf(username);
  }

  Optional<AppUser> find(final String username) {
    return users.findById(username);
  }
}
