package com.leadjourney.task;

import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** Touches the owner logs on a task's lead (checked here, stored by {@link TouchLog}); the first one on an XDR task stops the SLA clock. */
@Service
class TaskTouches {

  static final List<String> KINDS = List.of("call", "email", "meeting", "social", "note");

  private final TaskInbox inbox;
  private final TouchLog log;
  private final Clock clock;

  TaskTouches(final TaskInbox inbox, final TouchLog log, final Clock clock) {
    this.inbox = inbox;
    this.log = log;
    this.clock = clock;
  }

  HumanTask log(final long userTaskKey, final String kind, final String note, final Authentication person) {
    final HumanTask task = inbox.workableTask(userTaskKey, person);
    if (!KINDS.contains(kind)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "kind must be one of " + KINDS);
    }
    if (note != null && note.length() > 1000) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "note may hold at most 1000 characters");
    }
    return log.record(task, inbox.outcomesOf(task), kind, note, person.getName(), clock.instant());
  }
}
