package com.leadjourney.definition;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Which leads a suggestion keeps aside for its evidence: decided by the lead's id alone, so asking
 * again over the same span holds out the same leads and gives the same answer.
 */
final class HoldOut {

  private HoldOut() {}

  static boolean contains(final String leadId, final double share) {
    final CRC32C crc = new CRC32C();
    crc.update(leadId.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % 10_000 < Math.round(share * 10_000);
  }
}
