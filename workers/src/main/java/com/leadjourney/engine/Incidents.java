package com.leadjourney.engine;

import java.time.Instant;
import java.util.List;

/** Where a journey is stuck and why: the engine's open incidents, in either mode. */
public interface Incidents {

  /**
   * @param jobKey the failed job, 0 when the engine itself failed (e.g. an expression)
   */
  record Incident(
      long incidentKey,
      long processInstanceKey,
      String bpmnProcessId,
      String elementId,
      String errorType,
      String errorMessage,
      long jobKey,
      Instant createdAt) {}

  List<Incident> open();
}
