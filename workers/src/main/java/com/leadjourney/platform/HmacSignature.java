package com.leadjourney.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How webhooks are signed, both ways, as Stripe and Slack sign theirs:
 * {@code X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<delivery id>.<body>">}. The
 * timestamp lets a receiver refuse a captured delivery sent again later; the delivery id is signed,
 * so it cannot be replayed under a new id either. Several {@code v1} values may be sent (a secret
 * being rotated): one matching is enough.
 */
public final class HmacSignature {

  /** How old a delivery may be (and how far ahead a sender's clock): older ones are refused. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** A parsed header: when it was signed and the signatures it carries. */
  public record Signed(Instant at, List<String> signatures) {

    public boolean isFresh(final Instant now) {
      return !at.isBefore(now.minus(TOLERANCE)) && !at.isAfter(now.plus(TOLERANCE));
    }
  }

  private HmacSignature() {}

  public static String header(final String secret, final Instant at, final String deliveryId, final byte[] body) {
    return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac(secret, at.getEpochSecond(), deliveryId, body));
  }

  /** The header's parts; empty when it is missing or not of the form {@code t=…,v1=…}. */
  public static Optional<Signed> parse(final String header) {
    if (header == null || header.length() > 1_000) {
      return Optional.empty();
    }
    Long timestamp = null;
    final List<String> signatures = new ArrayList<>();
    for (final String part : header.split(",")) {
      final String[] pair = part.strip().split("=", 2);
      if (pair.length != 2) {
        return Optional.empty();
      }
      switch (pair[0]) {
        case "t" -> timestamp = parseSeconds(pair[1]);
        case "v1" -> signatures.add(pair[1]);
        default -> {} // other schemes a sender may add; not ours
      }
    }
    return timestamp == null || signatures.isEmpty() ? Optional.empty() : Optional.of(new Signed(Instant.ofEpochSecond(timestamp), signatures));
  }

  /** Constant-time: a wrong guess takes as long as a nearly right one. */
  public static boolean matches(final Signed signed, final String secret, final String deliveryId, final byte[] body) {
    final byte[] expected = HexFormat.of().formatHex(mac(secret, signed.at().getEpochSecond(), deliveryId, body)).getBytes(StandardCharsets.US_ASCII);
    boolean any = false;
    for (final String signature : signed.signatures()) {
      any |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
    return any;
  }

  private static Long parseSeconds(final String text) {
    try {
      return Long.parseLong(text);
    } catch (final NumberFormatException e) {
      return null;
    }
  }

  private static byte[] mac(final String secret, final long timestamp, final String deliveryId, final byte[] body) {
    try {
      final Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + "." + deliveryId + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (final GeneralSecurityException e) {
      throw new IllegalStateException("Cannot compute an HMAC-SHA256", e);
    }
  }
}
