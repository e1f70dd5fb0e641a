package com.leadjourney.engine;

import io.camunda.zeebe.protocol.impl.record.value.incident.IncidentRecord;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded engine's open incidents, kept from the incident events in its log. */
final class EmbeddedIncidents implements Incidents {

  private final Map<Long, Incident> open = new ConcurrentHashMap<>();

  void apply(final RecordMetadata metadata, final LoggedEvent event) {
    if (metadata.getIntent() == IncidentIntent.RESOLVED) {
      open.remove(event.getKey());
      return;
    }
    final var value = new IncidentRecord();
    event.readValue(value);
    open.put(
        event.getKey(),
        new Incident(
            event.getKey(), value.getProcessInstanceKey(), value.getBpmnProcessId(), value.getElementId(), value.getErrorType().name(),
            value.getErrorMessage(), value.getJobKey(), Instant.ofEpochMilli(event.getTimestamp())));
  }

  @Override
  public List<Incident> open() {
    return open.values().stream().sorted(Comparator.comparing(Incident::createdAt)).toList();
  }
}
