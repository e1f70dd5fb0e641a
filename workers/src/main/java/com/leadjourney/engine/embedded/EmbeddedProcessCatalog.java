package com.leadjourney.engine.embedded;

import com.leadjourney.engine.ProcessCatalog;

import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.deployment.ProcessRecord;
import io.camunda.zeebe.protocol.impl.record.value.processinstance.ProcessInstanceRecord;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayList;

/**
 * The embedded engine's processes and where their instances are, kept from the events of its log
 * (it has no search API). Each active element instance points at a shared, counted position, so a
 * hundred thousand waiting journeys cost a few bytes each; a migrated instance moves its count.
 */
final class EmbeddedProcessCatalog implements ProcessCatalog {

  /** One element of one process version, with the number of instances active in it. */
  private static final class Position {
    final String elementId;
    long active;

    Position(final String elementId) {
      this.elementId = elementId;
    }
  }

  private final Map<Long, Version> versions = new HashMap<>();
  private final Map<Long, String> xml = new HashMap<>();
  private final Map<Long, Map<String, Position>> positions = new HashMap<>();
  private final Long2ObjectHashMap<Position> activeInstances = new Long2ObjectHashMap<>();

  synchronized void deployed(final LoggedEvent event) {
    final var process = new ProcessRecord();
    event.readValue(process);
    final long key = process.getProcessDefinitionKey();
    versions.put(key, new Version(process.getBpmnProcessId(), process.getVersion(), key, process.getResourceName()));
    xml.put(key, new String(process.getResource(), StandardCharsets.UTF_8));
  }

  synchronized void elementInstance(final RecordMetadata metadata, final LoggedEvent event) {
    final var intent = (ProcessInstanceIntent) metadata.getIntent();
    switch (intent) {
      case ELEMENT_ACTIVATED, ELEMENT_MIGRATED -> {
        final var value = new ProcessInstanceRecord();
        event.readValue(value);
        leave(activeInstances.remove(event.getKey()));
        final Position position = position(value.getProcessDefinitionKey(), value.getElementId());
        position.active++;
        activeInstances.put(event.getKey(), position);
      }
      case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> leave(activeInstances.remove(event.getKey()));
      default -> {}
    }
  }

  private static void leave(final Position position) {
    if (position != null) {
      position.active--;
    }
  }

  private Position position(final long processDefinitionKey, final String elementId) {
    return positions.computeIfAbsent(processDefinitionKey, k -> new HashMap<>()).computeIfAbsent(elementId, Position::new);
  }

  /** Writes versions and live positions for {@link #readFrom} after a graceful restart. */
  synchronized void writeTo(final DataOutputStream out) throws IOException {
    out.writeInt(versions.size());
    for (final Version version : versions.values()) {
      out.writeLong(version.processDefinitionKey());
      KeptEngineState.writeText(out, version.bpmnProcessId());
      out.writeInt(version.version());
      KeptEngineState.writeText(out, version.resourceName());
      KeptEngineState.writeText(out, xml.get(version.processDefinitionKey()));
    }
    final Map<Position, LongArrayList> instancesAt = new IdentityHashMap<>();
    activeInstances.forEach((key, position) -> instancesAt.computeIfAbsent(position, p -> new LongArrayList()).addLong(key));
    out.writeInt(instancesAt.size());
    for (final var byProcess : positions.entrySet()) {
      for (final Position position : byProcess.getValue().values()) {
        final LongArrayList keys = instancesAt.get(position);
        if (keys != null) {
          out.writeLong(byProcess.getKey());
          KeptEngineState.writeText(out, position.elementId);
          out.writeInt(keys.size());
          for (int i = 0; i < keys.size(); i++) {
            out.writeLong(keys.getLong(i));
          }
        }
      }
    }
  }

  synchronized void readFrom(final DataInputStream in) throws IOException {
    for (int count = in.readInt(); count > 0; count--) {
      final long key = in.readLong();
      final String bpmnProcessId = KeptEngineState.readText(in);
      final int version = in.readInt();
      final String resourceName = KeptEngineState.readText(in);
      versions.put(key, new Version(bpmnProcessId, version, key, resourceName));
      xml.put(key, KeptEngineState.readText(in));
    }
    for (int count = in.readInt(); count > 0; count--) {
      final Position position = position(in.readLong(), KeptEngineState.readText(in));
      for (int instances = in.readInt(); instances > 0; instances--) {
        activeInstances.put(in.readLong(), position);
        position.active++;
      }
    }
  }

  @Override
  public synchronized List<Version> versions() {
    return versions.values().stream()
        .sorted(NEWEST_FIRST)
        .toList();
  }

  @Override
  public synchronized Optional<String> bpmnXml(final long processDefinitionKey) {
    return Optional.ofNullable(xml.get(processDefinitionKey));
  }

  @Override
  public synchronized Map<String, Long> activeByElement(final long processDefinitionKey) {
    final Map<String, Long> counts = new HashMap<>();
    positions.getOrDefault(processDefinitionKey, Map.of()).values().stream()
        .filter(p -> p.active > 0)
        .forEach(p -> counts.put(p.elementId, p.active));
    return counts;
  }

  @Override
  public synchronized List<Long> activeInstances(final String bpmnProcessId) {
    final java.util.Set<Position> processes = new java.util.HashSet<>();
    versions.values().stream().filter(v -> v.bpmnProcessId().equals(bpmnProcessId))
        .forEach(v -> java.util.Optional.ofNullable(positions.getOrDefault(v.processDefinitionKey(), Map.of()).get(bpmnProcessId)).ifPresent(processes::add));
    final List<Long> keys = new java.util.ArrayList<>();
    activeInstances.forEach((key, position) -> {
      if (processes.contains(position)) {
        keys.add(key);
      }
    });
    return keys;
  }

  /** True while the element instance (a process instance is one too) is active. */
  synchronized boolean isActive(final long elementInstanceKey) {
    return activeInstances.containsKey(elementInstanceKey);
  }

  /** This catalogue, brought up to the engine's last write before each question. */
  ProcessCatalog refreshedBy(final Runnable refresh) {
    return new ProcessCatalog() {
      @Override
      public List<Version> versions() {
        refresh.run();
        return EmbeddedProcessCatalog.this.versions();
      }

      @Override
      public Optional<String> bpmnXml(final long processDefinitionKey) {
        refresh.run();
        return EmbeddedProcessCatalog.this.bpmnXml(processDefinitionKey);
      }

      @Override
      public Map<String, Long> activeByElement(final long processDefinitionKey) {
        refresh.run();
        return EmbeddedProcessCatalog.this.activeByElement(processDefinitionKey);
      }

      @Override
      public List<Long> activeInstances(final String bpmnProcessId) {
        refresh.run();
        return EmbeddedProcessCatalog.this.activeInstances(bpmnProcessId);
      }
    };
  }
}
