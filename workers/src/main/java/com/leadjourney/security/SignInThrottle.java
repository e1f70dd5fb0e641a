package com.leadjourney.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins cost attempts from two buckets: one per user and address (a guesser at one
 * account), one per address (a guesser spraying many accounts). While either is empty, sign-ins
 * from there are refused before the password is checked. A user is never locked out from every
 * address: anyone could otherwise lock the admin out by guessing wrong on purpose.
 */
@Component
class SignInThrottle {

  /**
   * @param failuresPerUserAndAddress failed attempts at one user from one address before the wait
   * @param failuresPerAddress failed attempts from one address, whatever the user, before the wait
   * @param refillPeriod how long a bucket takes to fill again (attempts come back evenly over it)
   */
  @ConfigurationProperties("leadjourney.security.sign-in")
  record Limits(
      @DefaultValue("5") int failuresPerUserAndAddress, @DefaultValue("30") int failuresPerAddress, @DefaultValue("5m") Duration refillPeriod) {}

  private final Limits limits;
  // Bounded and expiring: an attacker choosing names and addresses cannot make it grow.
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();

  SignInThrottle(final Limits limits) {
    this.limits = limits;
  }

  /** How long sign-ins of this user from this address must wait; empty when they may try now. */
  Optional<Duration> waitFor(final String username, final String address) {
    final long nanos = Math.max(
        bucket("u:" + username + "@" + address, limits.failuresPerUserAndAddress()).estimateAbilityToConsume(1).getNanosToWaitForRefill(),
        bucket("a:" + address, limits.failuresPerAddress()).estimateAbilityToConsume(1).getNanosToWaitForRefill());
    return nanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
  }

  void failed(final String username, final String address) {
    bucket("u:" + username + "@" + address, limits.failuresPerUserAndAddress()).tryConsume(1);
    bucket("a:" + address, limits.failuresPerAddress()).tryConsume(1);
  }

  private Bucket bucket(final String key, final int capacity) {
    return buckets.get(key, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, limits.refillPeriod()).build())
        .build());
  }
}
