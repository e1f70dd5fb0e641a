package com.leadjourney.engine.embedded;

import com.leadjourney.engine.Incidents;

import io.camunda.zeebe.protocol.impl.record.value.incident.IncidentRecord;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

  /** Writes the open incidents for {@link #readFrom} after a graceful restart. */
  void writeTo(final DataOutputStream out) throws IOException {
    final List<Incident> incidents = open();
    out.writeInt(incidents.size());
    for (final Incident incident : incidents) {
      out.writeLong(incident.incidentKey());
      out.writeLong(incident.processInstanceKey());
      KeptEngineState.writeText(out, incident.bpmnProcessId());
      KeptEngineState.writeText(out, incident.elementId());
      KeptEngineState.writeText(out, incident.errorType());
      KeptEngineState.writeText(out, incident.errorMessage());
      out.writeLong(incident.jobKey());
      out.writeLong(incident.createdAt().toEpochMilli());
    }
  }

  void readFrom(final DataInputStream in) throws IOException {
    for (int count = in.readInt(); count > 0; count--) {
      final var incident = new Incident(in.readLong(), in.readLong(), KeptEngineState.readText(in), KeptEngineState.readText(in),
          KeptEngineState.readText(in), KeptEngineState.readText(in), in.readLong(), Instant.ofEpochMilli(in.readLong()));
      open.put(incident.incidentKey(), incident);
    }
  }

  @Override
  public List<Incident> open() {
    return open.values().stream().sorted(Comparator.comparing(Incident::createdAt)).toList();
  }
}
