package com.leadjourney.engine.operations;

import com.leadjourney.engine.IncidentRetry;

import com.leadjourney.engine.Incidents;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stuck journeys for the designer: list the engine's incidents, retry one once its cause is fixed. */
@RestController
class IncidentController {

  private final Incidents incidents;
  private final IncidentRetry retry;

  IncidentController(final Incidents incidents, final IncidentRetry retry) {
    this.incidents = incidents;
    this.retry = retry;
  }

  @GetMapping("/api/incidents")
  List<Incidents.Incident> open() {
    return incidents.open();
  }

  /** The journey continues where it stopped. */
  @PostMapping("/api/incidents/{incidentKey}/retry")
  ResponseEntity<Map<String, Object>> retry(@PathVariable final long incidentKey) {
    final var incident = retry.retry(incidentKey);
    return ResponseEntity.accepted().body(Map.of("incidentKey", incidentKey, "processInstanceKey", incident.processInstanceKey()));
  }
}
