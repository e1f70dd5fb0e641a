package com.leadjourney.engine;

import io.camunda.client.CamundaClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Stuck journeys for the designer: list the engine's incidents, retry one once its cause is fixed. */
@RestController
class IncidentController {

  /** Retries a failed job gets back when its incident is retried. */
  private static final int RETRIES_ON_RETRY = 3;

  private final Incidents incidents;
  private final CamundaClient client;

  IncidentController(final Incidents incidents, final CamundaClient client) {
    this.incidents = incidents;
    this.client = client;
  }

  @GetMapping("/api/incidents")
  List<Incidents.Incident> open() {
    return incidents.open();
  }

  /** Gives a failed job its retries back and resolves the incident: the journey continues where it stopped. */
  @PostMapping("/api/incidents/{incidentKey}/retry")
  ResponseEntity<Map<String, Object>> retry(@PathVariable final long incidentKey) {
    final var incident =
        incidents.open().stream()
            .filter(i -> i.incidentKey() == incidentKey)
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No open incident " + incidentKey + "; it may be resolved already"));
    if (incident.jobKey() > 0) {
      client.newUpdateRetriesCommand(incident.jobKey()).retries(RETRIES_ON_RETRY).send().join(10, TimeUnit.SECONDS);
    }
    client.newResolveIncidentCommand(incidentKey).send().join(10, TimeUnit.SECONDS);
    return ResponseEntity.accepted().body(Map.of("incidentKey", incidentKey, "processInstanceKey", incident.processInstanceKey()));
  }
}
