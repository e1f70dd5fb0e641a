package com.leadjourney.task;

import io.camunda.client.api.command.ProblemException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The Camunda client's user-task commands (assign, unassign, complete) with the engine's refusals said in words. */
final class UserTaskCommands {

  private static final Pattern LISTENER_RUNNING = Pattern.compile("in state '(CREATING|ASSIGNING|UPDATING)'");
  /**
   * How long a command waits for a running task listener before the user is told to try again. The inbox row
   * appears when the assignment listener runs, before the engine hears back from it: that takes milliseconds,
   * so a click that lands in between should simply work, not bounce.
   */
  private static final Duration LISTENER_PATIENCE = Duration.ofSeconds(3);

  private UserTaskCommands() {}

  /** Runs the command; "not found" counts as done (done before, our reply was lost). */
  static void send(final Runnable command) {
    final long giveUpAt = System.nanoTime() + LISTENER_PATIENCE.toNanos();
    long pauseMillis = 25;
    while (true) {
      try {
        command.run();
        return;
      } catch (final ProblemException e) {
        final String detail = e.details().getDetail();
        final Matcher busy = detail == null ? null : LISTENER_RUNNING.matcher(detail);
        if (busy != null && busy.find()) {
          if (System.nanoTime() + pauseMillis * 1_000_000 > giveUpAt) {
            // Still busy after the wait: the listener's answer was lost and the engine waits for its job timeout.
            throw new ResponseStatusException(
                HttpStatus.CONFLICT, "The engine is still " + busy.group(1).toLowerCase() + " this task; try again in a few seconds");
          }
          pause(pauseMillis);
          pauseMillis = Math.min(pauseMillis * 2, 400);
          continue;
        }
        if (e.code() != HttpStatus.NOT_FOUND.value()) { // 404: done before, our reply was lost
          throw new ResponseStatusException(HttpStatus.valueOf(e.code()), "The engine refused: " + detail);
        }
        return;
      }
    }
  }

  private static void pause(final long millis) {
    try {
      Thread.sleep(millis);
    } catch (final InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted while the engine was busy with this task");
    }
  }
}
