package com.leadjourney.engine;

import io.camunda.client.CamundaClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moves a stage's in-flight journeys to another version of its process with the engine's own
 * migration command (element mapping as in Operate). Timers whose dates come from variables keep
 * their due times; user tasks keep their keys, so the inbox stays as it is.
 */
@Service
public class StageMigration {

  public record Mapping(String source, String target) {}

  public record Failure(long processInstanceKey, String reason) {}

  public record Result(int migrated, List<Failure> failed) {}

  private final CamundaClient client;
  private final Map<String, InFlightInstances> stages;
  private final ProcessCatalog catalog;

  StageMigration(final CamundaClient client, final List<InFlightInstances> stages, final ProcessCatalog catalog) {
    this.client = client;
    this.stages = stages.stream().collect(Collectors.toMap(InFlightInstances::processId, Function.identity()));
    this.catalog = catalog;
  }

  /**
   * Every deployed process: the journey and each of its stages. Journeys waiting at an XDR task and
   * the journey itself are found in MySQL; the other stages' instances in the engine's catalogue.
   */
  public java.util.Set<String> stages() {
    final var known = new java.util.TreeSet<>(stages.keySet());
    catalog.versions().forEach(v -> known.add(v.bpmnProcessId()));
    return known;
  }

  public Result migrate(final String processId, final long targetProcessDefinitionKey, final List<Mapping> mappings) {
    if (!stages().contains(processId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No stage process '" + processId + "'; known: " + stages());
    }
    final var target = catalog.versions().stream().filter(v -> v.processDefinitionKey() == targetProcessDefinitionKey).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
            "No process version with key " + targetProcessDefinitionKey + " (GET /api/processes lists them)"));
    if (!target.bpmnProcessId().equals(processId)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "Key " + targetProcessDefinitionKey + " is version " + target.version() + " of '" + target.bpmnProcessId() + "', not of '" + processId + "'");
    }
    final InFlightInstances stage = stages.getOrDefault(processId, new InFlightInstances() {
      @Override
      public String processId() {
        return processId;
      }

      @Override
      public List<Long> processInstanceKeys() {
        return catalog.activeInstances(processId);
      }
    });
    if (mappings == null || mappings.isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "mappings are required: map every element a journey may wait at (source id -> target id)");
    }
    int migrated = 0;
    final List<Failure> failed = new ArrayList<>();
    for (final long instance : stage.processInstanceKeys()) {
      try {
        var command =
            client.newMigrateProcessInstanceCommand(instance)
                .migrationPlan(targetProcessDefinitionKey)
                .addMappingInstruction(mappings.get(0).source(), mappings.get(0).target());
        for (final var mapping : mappings.subList(1, mappings.size())) {
          command = command.addMappingInstruction(mapping.source(), mapping.target());
        }
        command.send().join(10, TimeUnit.SECONDS);
        migrated++;
      } catch (final RuntimeException e) {
        failed.add(new Failure(instance, e.getMessage()));
      }
    }
    return new Result(migrated, failed);
  }
}
