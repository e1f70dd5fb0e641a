package com.leadjourney.engine.operations;

import com.leadjourney.engine.ProcessDeployment;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProcessController {

  private final ProcessDeployment deployment;

  ProcessController(final ProcessDeployment deployment) {
    this.deployment = deployment;
  }

  /** The live version of every process in workflows/, as the engine numbered it. */
  @GetMapping("/api/processes")
  List<ProcessDeployment.DeployedProcess> liveProcesses() {
    return deployment.liveProcesses();
  }
}
