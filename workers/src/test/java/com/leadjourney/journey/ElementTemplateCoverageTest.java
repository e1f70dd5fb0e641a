package com.leadjourney.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * A designer drags a template, never types a job type: every service task in workflows/ uses an
 * element template of workflows/.camunda/element-templates/ whose job type it carries, and every
 * job type a worker serves has a template.
 */
class ElementTemplateCoverageTest {

  private static final Path WORKFLOWS = Path.of("..", "workflows").toAbsolutePath().normalize();
  private static final String MODELER_NS = "http://camunda.org/schema/zeebe/1.0";

  /** Template id to the job type its hidden taskDefinition binding sets. */
  private static Map<String, String> templates() throws IOException {
    final var json = new ObjectMapper();
    final Map<String, String> jobTypeById = new HashMap<>();
    try (Stream<Path> files = Files.list(WORKFLOWS.resolve(".camunda/element-templates"))) {
      for (final Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        final JsonNode template = json.readTree(file.toFile());
        for (final JsonNode property : template.get("properties")) {
          final JsonNode binding = property.get("binding");
          if ("zeebe:taskDefinition".equals(binding.get("type").asText()) && "type".equals(binding.path("property").asText())) {
            jobTypeById.put(template.get("id").asText(), property.get("value").asText());
          }
        }
      }
    }
    return jobTypeById;
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(WORKFLOWS)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  private static Set<String> taskListenerTypes() throws IOException {
    final Set<String> types = new java.util.HashSet<>();
    for (final Path model : models()) {
      Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(ZeebeTaskListener.class).forEach(l -> types.add(l.getType()));
    }
    return types;
  }

  @Test
  void everyServiceTaskUsesATemplateThatSetsItsJobType() throws IOException {
    final var templates = templates();
    assertThat(models()).isNotEmpty();
    for (final Path model : models()) {
      for (final ServiceTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(ServiceTask.class)) {
        final String where = model.getFileName() + " / " + task.getId() + " (" + task.getName() + ")";
        final String templateId = task.getAttributeValueNs(MODELER_NS, "modelerTemplate");
        assertThat(templateId).as("%s has no element template", where).isNotNull();
        assertThat(templates).as("%s names an unknown template", where).containsKey(templateId);
        final String jobType = task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType();
        assertThat(jobType).as("%s: job type differs from its template's", where).isEqualTo(templates.get(templateId));
      }
    }
  }

  @Test
  void everyJobTypeAWorkerServesHasATemplate() throws Exception {
    final var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    final Set<String> workerTypes =
        scanner.findCandidateComponents("com.leadjourney").stream()
            .map(BeanDefinition::getBeanClassName)
            .map(name -> ClassUtils.resolveClassName(name, getClass().getClassLoader()))
            .flatMap(type -> Stream.of(type.getDeclaredMethods()))
            .filter(method -> method.isAnnotationPresent(JobWorker.class))
            .map(method -> method.getAnnotation(JobWorker.class).type())
            .collect(Collectors.toCollection(java.util.HashSet::new));

    assertThat(workerTypes).isNotEmpty();
    workerTypes.removeAll(taskListenerTypes()); // listeners are not service tasks: no template
    assertThat(templates().values()).containsAll(workerTypes);
  }
}
