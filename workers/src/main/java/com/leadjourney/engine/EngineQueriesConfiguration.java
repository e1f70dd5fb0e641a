package com.leadjourney.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the app asks a cluster about (open incidents, deployed processes, where instances wait): its
 * search API (REST, backed by its secondary storage). The embedded engine answers the same ports
 * from the events of its log (engine.embedded.EmbeddedEngineConfiguration).
 */
@Configuration
class EngineQueriesConfiguration {

  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
  private static final int PAGE = 1_000;

  @Bean
  @ConditionalOnProperty(name = "leadjourney.engine.embedded", havingValue = "false")
  ProcessCatalog clusterProcessCatalog(final CamundaClient client) {
    return new ProcessCatalog() {
      @Override
      public List<Version> versions() {
        return client.newProcessDefinitionSearchRequest().page(p -> p.limit(1000)).send().join(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS)
            .items().stream()
            .map(d -> new Version(d.getProcessDefinitionId(), d.getVersion(), d.getProcessDefinitionKey(), d.getResourceName()))
            .sorted(NEWEST_FIRST)
            .toList();
      }

      @Override
      public Optional<String> bpmnXml(final long processDefinitionKey) {
        return Optional.ofNullable(client.newProcessDefinitionGetXmlRequest(processDefinitionKey).send().join(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS));
      }

      @Override
      public Map<String, Long> activeByElement(final long processDefinitionKey) {
        return client.newProcessDefinitionElementStatisticsRequest(processDefinitionKey).send().join(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS)
            .stream()
            .filter(s -> s.getActive() != null && s.getActive() > 0)
            .collect(Collectors.toMap(ProcessElementStatistics::getElementId, ProcessElementStatistics::getActive));
      }

      @Override
      public List<Long> activeInstances(final String bpmnProcessId) {
        final List<Long> keys = new java.util.ArrayList<>();
        for (int from = 0; ; from += PAGE) {
          final int offset = from;
          final var page = client.newProcessInstanceSearchRequest()
              .filter(f -> f.processDefinitionId(bpmnProcessId).state(io.camunda.client.api.search.enums.ProcessInstanceState.ACTIVE))
              .page(p -> p.from(offset).limit(PAGE)).send().join(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS).items();
          page.forEach(i -> keys.add(i.getProcessInstanceKey()));
          if (page.size() < PAGE) {
            return keys;
          }
        }
      }
    };
  }

  @Bean
  @ConditionalOnProperty(name = "leadjourney.engine.embedded", havingValue = "false")
  EngineRestarts clusterRestarts() {
    return EngineRestarts.CLUSTER;
  }

  @Bean
  @ConditionalOnProperty(name = "leadjourney.engine.embedded", havingValue = "false")
  Clock wallClock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnProperty(name = "leadjourney.engine.embedded", havingValue = "false")
  Incidents clusterIncidents(final CamundaClient client) {
    return () ->
        client.newIncidentSearchRequest().filter(f -> f.state(IncidentState.ACTIVE)).send().join(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS).items().stream()
            .map(
                i ->
                    new Incidents.Incident(
                        i.getIncidentKey(), i.getProcessInstanceKey(), i.getProcessDefinitionId(), i.getElementId(),
                        i.getErrorType().name(), i.getErrorMessage(), i.getJobKey() == null ? 0 : i.getJobKey(),
                        i.getCreationTime() == null ? null : i.getCreationTime().toInstant()))
            .toList();
  }
}
