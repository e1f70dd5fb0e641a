package com.leadjourney.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Deploys every model of workflows/ (packaged under {@code workflows/} on the classpath) in one
 * deployment. The engine keeps the version of an unchanged resource, so a restart creates no new
 * version. Hand-written instead of the starter's {@code @Deployment} because we need the
 * resulting versions (logged and served by {@code GET /api/processes}) and a retry loop for a
 * cluster that is not up yet.
 */
@Service
public class ProcessDeployment {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployment.class);
  private static final String MODELS = "classpath*:workflows/*.{bpmn,dmn}";
  private static final Duration DEPLOY_PATIENCE = Duration.ofMinutes(1);

  public record DeployedProcess(String bpmnProcessId, int version, long processDefinitionKey, String resourceName) {}

  /**
   * A model whose deployed content comes from elsewhere than its file: the qualification DMN is the
   * live signed definition version, kept in the database.
   */
  public interface ModelSource {
    String resourceName();

    byte[] content();
  }

  private final CamundaClient client;
  private final List<ModelSource> sources;
  private final List<DeployedProcess> live = new CopyOnWriteArrayList<>();

  ProcessDeployment(final CamundaClient client, final List<ModelSource> sources) {
    this.client = client;
    this.sources = sources;
  }

  /** Blocks until the engine accepted the models, retrying while it is unreachable. */
  public void deployUntilDone() throws InterruptedException {
    Duration wait = Duration.ofMillis(500);
    while (true) {
      try {
        record(deploy());
        return;
      } catch (final RuntimeException e) {
        LOG.warn("Cannot deploy the process models yet ({}); retrying in {}", e.getMessage(), wait);
        Thread.sleep(wait);
        wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : wait.multipliedBy(2);
      }
    }
  }

  private DeploymentEvent deploy() {
    final Resource[] models = models();
    if (models.length == 0) {
      throw new IllegalStateException("No process models found on the classpath under workflows/");
    }
    var command = client.newDeployResourceCommand().addResourceBytes(bytes(models[0]), models[0].getFilename());
    for (int i = 1; i < models.length; i++) {
      command = command.addResourceBytes(bytes(models[i]), models[i].getFilename());
    }
    // A busy engine (a restart after a long stop triggers every timer that fell due meanwhile) answers
    // late but answers; past the default 10 s the retry sent the same models again behind the first.
    // An unreachable one fails at once whatever the timeout.
    return command.requestTimeout(DEPLOY_PATIENCE).send().join();
  }

  private void record(final DeploymentEvent deployment) {
    live.clear();
    deployment.getProcesses().stream()
        .sorted(Comparator.comparing(Process::getBpmnProcessId))
        .map(p -> new DeployedProcess(p.getBpmnProcessId(), p.getVersion(), p.getProcessDefinitionKey(), p.getResourceName()))
        .forEach(
            p -> {
              live.add(p);
              LOG.info("Live process {} version {} (key {}, {})", p.bpmnProcessId(), p.version(), p.processDefinitionKey(), p.resourceName());
            });
  }

  /** The live version of each deployed process; empty until the first deployment succeeded. */
  public List<DeployedProcess> liveProcesses() {
    return List.copyOf(live);
  }

  private static Resource[] models() {
    try {
      return new PathMatchingResourcePatternResolver().getResources(MODELS);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] bytes(final Resource resource) {
    for (final ModelSource source : sources) {
      if (source.resourceName().equals(resource.getFilename())) {
        return source.content();
      }
    }
    try (var in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot read process model " + resource, e);
    }
  }
}
