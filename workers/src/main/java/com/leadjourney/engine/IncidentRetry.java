package com.leadjourney.engine;

import io.camunda.client.CamundaClient;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** Retrying a stuck journey once its cause is fixed: the failed job gets retries back and the incident is resolved. */
@Service
public class IncidentRetry {

  /** Retries a failed job gets back when its incident is retried. */
  private static final int RETRIES_ON_RETRY = 3;

  private final Incidents incidents;
  private final CamundaClient client;

  IncidentRetry(final Incidents incidents, final CamundaClient client) {
    this.incidents = incidents;
    this.client = client;
  }

  /** @return the incident retried; 404 when it is not open (any more) */
  public Incidents.Incident retry(final long incidentKey) {
    final var incident =
        incidents.open().stream()
            .filter(i -> i.incidentKey() == incidentKey)
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No open incident " + incidentKey + "; it may be resolved already"));
    if (incident.jobKey() > 0) {
      client.newUpdateRetriesCommand(incident.jobKey()).retries(RETRIES_ON_RETRY).send().join(10, TimeUnit.SECONDS);
    }
    client.newResolveIncidentCommand(incidentKey).send().join(10, TimeUnit.SECONDS);
    return incident;
  }
}
