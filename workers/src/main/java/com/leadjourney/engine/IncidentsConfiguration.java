package com.leadjourney.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Open incidents: a cluster answers the search API (REST, backed by its secondary storage); the
 * embedded engine has no search, so the app reads incident events from its log.
 */
@Configuration
class IncidentsConfiguration {

  @Bean
  @ConditionalOnProperty(name = "leadjourney.engine.embedded", matchIfMissing = true)
  Incidents embeddedIncidents(final EmbeddedEngine engine) {
    return engine::openIncidents;
  }

  @Bean
  @ConditionalOnProperty(name = "leadjourney.engine.embedded", havingValue = "false")
  Incidents clusterIncidents(final CamundaClient client) {
    return () ->
        client.newIncidentSearchRequest().filter(f -> f.state(IncidentState.ACTIVE)).send().join(10, TimeUnit.SECONDS).items().stream()
            .map(
                i ->
                    new Incidents.Incident(
                        i.getIncidentKey(), i.getProcessInstanceKey(), i.getProcessDefinitionId(), i.getElementId(),
                        i.getErrorType().name(), i.getErrorMessage(), i.getJobKey() == null ? 0 : i.getJobKey(),
                        i.getCreationTime() == null ? null : i.getCreationTime().toInstant()))
            .toList();
  }
}
