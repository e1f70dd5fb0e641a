package com.leadjourney.platform;

import java.io.IOException;

/** A request body longer than its endpoint takes; answered 413 without reading the rest. */
public class BodyTooLargeException extends IOException {

  private final long limit;

  public BodyTooLargeException(final long limit) {
    super("The request body is larger than the " + limit + " bytes this endpoint takes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
