package com.leadjourney.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the designer sees of the engine: every deployed version of every process, its BPMN, and
 * how many journeys wait at each of its elements right now. A cluster answers from its search API;
 * the embedded engine from its log.
 */
public interface ProcessCatalog {

  record Version(String bpmnProcessId, int version, long processDefinitionKey, String resourceName) {}

  /** How {@link #versions()} is ordered: by process, newest version first. */
  Comparator<Version> NEWEST_FIRST =
      Comparator.comparing(Version::bpmnProcessId).thenComparing(Comparator.comparingInt(Version::version).reversed());

  /** Newest first within each process. */
  List<Version> versions();

  /**
   * The version of each process new instances start on: the newest deployed, however it got there
   * (this app at start, or a designer's Modeler through the gateway).
   */
  default Map<String, Version> newest() {
    final Map<String, Version> newest = new java.util.LinkedHashMap<>();
    versions().forEach(v -> newest.merge(v.bpmnProcessId(), v, (a, b) -> a.version() >= b.version() ? a : b));
    return newest;
  }

  Optional<String> bpmnXml(long processDefinitionKey);

  /** Element id → active element instances (the process's own id counts running instances). */
  Map<String, Long> activeByElement(long processDefinitionKey);

  /** Keys of the running instances of every version of the process. */
  List<Long> activeInstances(String bpmnProcessId);
}
