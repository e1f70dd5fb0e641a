package com.leadjourney.security;

import com.leadjourney.audit.Audit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Personal API tokens. A token is 32 random bytes, so a SHA-256 of it is as safe to keep as a
 * password hash and costs microseconds to check (bcrypt on every call costs tens of ms on two
 * cores); it acts with its owner's roles as they are at each call, until it expires or is revoked.
 */
@Service
public class ApiTokens {

  public static final String PREFIX = "ljt_";
  private static final Duration LONGEST = Duration.ofDays(366);
  /** Last use is written at most this often, not on every call. */
  private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

  public record Token(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {}

  /** A new token: {@code secret} is shown once and never stored. */
  public record Issued(Token token, String secret) {}

  private final SecureRandom random = new SecureRandom();
  private final JdbcTemplate jdbc;
  private final Audit audit;
  private final Clock clock;

  ApiTokens(final JdbcTemplate jdbc, final Audit audit, final Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Issued issue(final String username, final String name, final Integer days) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Give the token a name of 1-100 characters, e.g. the script that uses it");
    }
    if (days != null && (days < 1 || days > LONGEST.toDays())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A token lasts 1 to " + LONGEST.toDays() + " days");
    }
    final byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    final String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    final Instant now = clock.instant();
    final Instant expires = now.plus(days == null ? Duration.ofDays(90) : Duration.ofDays(days));
    final String id = UUID.randomUUID().toString();
    jdbc.update("insert into api_token (id, username, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?, ?)",
        id, username, name.strip(), hash(secret), Timestamp.from(now), Timestamp.from(expires));
    audit.record(username, "token.issued", "api-token", id, null, null, Audit.state("name", name.strip(), "expiresAt", expires));
    return new Issued(new Token(id, name.strip(), now, expires, null, null), secret);
  }

  public List<Token> of(final String username) {
    return jdbc.query(
        "select id, name, created_at, expires_at, last_used_at, revoked_at from api_token where username = ? order by created_at desc",
        (row, i) -> new Token(row.getString(1), row.getString(2), instant(row.getTimestamp(3)), instant(row.getTimestamp(4)),
            instant(row.getTimestamp(5)), instant(row.getTimestamp(6))),
        username);
  }

  /** Revokes one of the user's tokens (an admin's: anyone's). */
  @Transactional
  public void revoke(final Authentication user, final String id) {
    final int changed = Roles.has(user, "ADMIN")
        ? jdbc.update("update api_token set revoked_at = ? where id = ? and revoked_at is null", Timestamp.from(clock.instant()), id)
        : jdbc.update("update api_token set revoked_at = ? where id = ? and username = ? and revoked_at is null",
            Timestamp.from(clock.instant()), id, user.getName());
    if (changed == 0) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No active token " + id + " of yours");
    }
    audit.record(user.getName(), "token.revoked", "api-token", id, null, null, null);
  }

  /** Revokes every token of the user (their password or roles changed): what the old credentials opened ends. */
  void revokeAllOf(final String username) {
    final int revoked = jdbc.update("update api_token set revoked_at = ? where username = ? and revoked_at is null", Timestamp.from(clock.instant()), username);
    if (revoked > 0) {
      audit.record(username, "tokens.revoked", "app-user", username, null, null, Audit.state("tokens", revoked, "why", "password or roles changed"));
    }
  }

  /** The owner of a valid token; empty when it is unknown, expired or revoked. */
  Optional<String> ownerOf(final String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    final Timestamp now = Timestamp.from(clock.instant());
    final String hash = hash(secret);
    final var owner = jdbc.queryForList(
        "select username from api_token where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)",
        String.class, hash, now).stream().findFirst();
    owner.ifPresent(u -> jdbc.update("update api_token set last_used_at = ? where token_hash = ? and (last_used_at is null or last_used_at < ?)",
        now, hash, Timestamp.from(now.toInstant().minus(USE_RESOLUTION))));
    return owner;
  }

  private static String hash(final String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static Instant instant(final Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
