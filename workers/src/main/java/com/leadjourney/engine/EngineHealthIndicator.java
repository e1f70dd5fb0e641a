package com.leadjourney.engine;

import io.camunda.client.CamundaClient;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code engine} component of /actuator/health: the gateway answers a topology request. */
@Component("engine")
class EngineHealthIndicator implements HealthIndicator {

  private final CamundaClient client;
  private final ProcessDeployment deployment;

  EngineHealthIndicator(final CamundaClient client, final ProcessDeployment deployment) {
    this.client = client;
    this.deployment = deployment;
  }

  @Override
  public Health health() {
    try {
      final var topology = client.newTopologyRequest().send().join(3, TimeUnit.SECONDS);
      return Health.up()
          .withDetail("gatewayVersion", topology.getGatewayVersion())
          .withDetail("brokers", topology.getBrokers().size())
          .withDetail("liveProcesses", deployment.liveProcesses().size())
          .build();
    } catch (final RuntimeException e) {
      return Health.down().withDetail("error", e.getMessage()).build();
    }
  }
}
