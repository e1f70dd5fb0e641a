package com.leadjourney.engine.operations;

import com.leadjourney.engine.ProcessCatalog;
import com.leadjourney.engine.ProcessDeployment;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProcessController {

  private final ProcessDeployment deployment;
  private final ProcessCatalog catalog;

  ProcessController(final ProcessDeployment deployment, final ProcessCatalog catalog) {
    this.deployment = deployment;
    this.catalog = catalog;
  }

  /** The live version of every process in workflows/ — the newest deployed, what new instances start on — as the engine numbered it. */
  @GetMapping("/api/processes")
  List<ProcessDeployment.DeployedProcess> liveProcesses() {
    final var newest = catalog.newest();
    return deployment.liveProcesses().stream()
        .map(p -> java.util.Optional.ofNullable(newest.get(p.bpmnProcessId()))
            .filter(v -> v.version() > p.version())
            .map(v -> new ProcessDeployment.DeployedProcess(v.bpmnProcessId(), v.version(), v.processDefinitionKey(), v.resourceName()))
            .orElse(p))
        .toList();
  }
}
