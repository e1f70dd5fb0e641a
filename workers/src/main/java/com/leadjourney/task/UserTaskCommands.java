package com.leadjourney.task;

import io.camunda.client.api.command.ProblemException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The Camunda client's user-task commands (assign, unassign, complete) with the engine's refusals said in words. */
final class UserTaskCommands {

  private static final Pattern LISTENER_RUNNING = Pattern.compile("in state '(CREATING|ASSIGNING|UPDATING)'");

  private UserTaskCommands() {}

  /** Runs the command; "not found" counts as done (done before, our reply was lost). */
  static void send(final Runnable command) {
    try {
      command.run();
    } catch (final ProblemException e) {
      final String detail = e.details().getDetail();
      final var busy = detail == null ? null : LISTENER_RUNNING.matcher(detail);
      if (busy != null && busy.find()) {
        // The inbox row changes when a task listener runs, before the engine hears back from it:
        // milliseconds normally, a job timeout when that answer was lost.
        throw new ResponseStatusException(
            HttpStatus.CONFLICT, "The engine is still " + busy.group(1).toLowerCase() + " this task; try again in a few seconds");
      }
      if (e.code() != HttpStatus.NOT_FOUND.value()) { // 404: done before, our reply was lost
        throw new ResponseStatusException(HttpStatus.valueOf(e.code()), "The engine refused: " + detail);
      }
    }
  }
}
