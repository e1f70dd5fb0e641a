package com.leadjourney.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code X-Signature: sha256=<hex HMAC-SHA256 of the body>}: how webhooks are signed, both ways. */
public final class HmacSignature {

  private HmacSignature() {}

  public static String header(final String secret, final byte[] body) {
    try {
      final Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (final GeneralSecurityException e) {
      throw new IllegalStateException("Cannot compute an HMAC-SHA256", e);
    }
  }

  /** Constant-time: a wrong guess takes as long as a nearly right one. */
  public static boolean matches(final String header, final String secret, final byte[] body) {
    return header != null
        && MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8), header(secret, body).getBytes(StandardCharsets.UTF_8));
  }
}
