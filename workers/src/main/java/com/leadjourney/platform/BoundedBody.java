package com.leadjourney.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body into memory only up to a limit: a body longer than that is refused while it arrives. */
public final class BoundedBody {

  private BoundedBody() {}

  public static byte[] read(final InputStream in, final long limit) throws IOException {
    final var body = new ByteArrayOutputStream((int) Math.min(limit, 8_192));
    final byte[] buffer = new byte[8_192];
    long total = 0;
    for (int read; (read = in.read(buffer)) != -1; ) {
      total += read;
      if (total > limit) {
        throw new BodyTooLargeException(limit);
      }
      body.write(buffer, 0, read);
    }
    return body.toByteArray();
  }
}
