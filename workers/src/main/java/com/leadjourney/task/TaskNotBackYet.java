package com.leadjourney.task;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A task from before the engine started empty, while its journey is being rebuilt: 503 with
 * Retry-After, since nothing is wrong with the request and the task is back once its journey is.
 */
final class TaskNotBackYet extends ResponseStatusException {

  private static final HttpHeaders RETRY_AFTER = HttpHeaders.readOnlyHttpHeaders(headers());

  TaskNotBackYet(final long userTaskKey) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "Task " + userTaskKey
        + " is from before the app restarted; its journey is being restored and the task comes back in a moment under a new number");
  }

  @Override
  public HttpHeaders getHeaders() {
    return RETRY_AFTER;
  }

  private static HttpHeaders headers() {
    final var headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "10");
    return headers;
  }
}
