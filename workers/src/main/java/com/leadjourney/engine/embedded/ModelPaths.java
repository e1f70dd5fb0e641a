package com.leadjourney.engine.embedded;

import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.processinstance.ProcessInstanceRecord;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The path each process instance took: the ids of the elements it completed, in the order the
 * engine wrote them, for assertions on the models in tests. Off unless switched on: it keeps every
 * completed element of every instance.
 */
public final class ModelPaths {

  private volatile boolean recording;
  private final Map<Long, List<String>> completed = new ConcurrentHashMap<>();
  private final Map<Long, List<Called>> calledBy = new ConcurrentHashMap<>();

  private record Called(long processInstanceKey, String processId) {}

  /** From now on, completed elements are kept. */
  public void record() {
    recording = true;
  }

  /** The elements the instance completed so far (a called stage is an instance of its own). */
  public List<String> passed(final long processInstanceKey) {
    return List.copyOf(completed.getOrDefault(processInstanceKey, List.of()));
  }

  /** The path of the first instance of {@code processId} the instance called (a stage of a journey); empty while there is none. */
  public List<String> passedIn(final long callerKey, final String processId) {
    return calledBy.getOrDefault(callerKey, List.of()).stream()
        .filter(called -> called.processId().equals(processId))
        .findFirst()
        .map(called -> passed(called.processInstanceKey()))
        .orElse(List.of());
  }

  void apply(final RecordMetadata metadata, final LoggedEvent event) {
    if (!recording) {
      return;
    }
    final var value = new ProcessInstanceRecord();
    if (metadata.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
      event.readValue(value);
      completed.computeIfAbsent(value.getProcessInstanceKey(), k -> new CopyOnWriteArrayList<>()).add(value.getElementId());
    } else if (metadata.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      event.readValue(value);
      if (value.getBpmnElementType() == BpmnElementType.PROCESS && value.getParentProcessInstanceKey() > 0) {
        calledBy.computeIfAbsent(value.getParentProcessInstanceKey(), k -> new CopyOnWriteArrayList<>())
            .add(new Called(value.getProcessInstanceKey(), value.getBpmnProcessId()));
      }
    }
  }
}
