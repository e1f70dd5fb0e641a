package com.leadjourney;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import java.lang.reflect.Modifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * A model and its code are found by name: workflows/xdr-handoff.bpmn is served by
 * com.leadjourney.xdrhandoff (lead-journey.bpmn by the journey). Every job type a model uses is
 * served there or by a kernel, and every worker there serves a job type of its own model (or of an
 * earlier version of it whose jobs are still served).
 */
class StagePackagesServeTheirModelsTest {

  private static final Path WORKFLOWS = Path.of("..", "workflows").toAbsolutePath().normalize();
  private static final Path EARLIER_MODELS = Path.of("src", "test", "resources", "earlier-models").toAbsolutePath();

  /** Model file name to its package: the name without hyphens; lead-journey is the journey's. */
  private static String packageOf(final Path model) {
    final String name = model.getFileName().toString().replace(".bpmn", "");
    return "lead-journey".equals(name) ? ArchitectureTest.JOURNEY : name.replace("-", "");
  }

  /** Each model's package to the job types the model uses: service tasks and user-task listeners. */
  private static Map<String, Set<String>> jobTypesByModelPackage() throws IOException {
    final Map<String, Set<String>> types = new TreeMap<>();
    try (Stream<Path> files = Files.list(WORKFLOWS)) {
      for (final Path model : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        final var instance = Bpmn.readModelFromFile(model.toFile());
        final Set<String> used = new TreeSet<>();
        instance.getModelElementsByType(ZeebeTaskDefinition.class).forEach(d -> used.add(d.getType()));
        instance.getModelElementsByType(ZeebeTaskListener.class).forEach(l -> used.add(l.getType()));
        types.put(packageOf(model), used);
      }
    }
    return types;
  }

  private static Stream<Class<?>> workerClasses() {
    final var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    return scanner.findCandidateComponents("com.leadjourney").stream()
        .<Class<?>>map(bean -> ClassUtils.resolveClassName(bean.getBeanClassName(), StagePackagesServeTheirModelsTest.class.getClassLoader()))
        .filter(type -> Stream.of(type.getDeclaredMethods()).anyMatch(method -> method.isAnnotationPresent(JobWorker.class)));
  }

  /** Each job type a worker serves to the top-level package of that worker. */
  private static Map<String, String> servingPackageByJobType() {
    final Map<String, String> serving = new TreeMap<>();
    for (final Class<?> type : workerClasses().toList()) {
      final String topPackage = (type.getPackageName() + ".").substring("com.leadjourney.".length()).split("\\.")[0];
      Stream.of(type.getDeclaredMethods())
          .filter(method -> method.isAnnotationPresent(JobWorker.class))
          .forEach(method -> serving.put(method.getAnnotation(JobWorker.class).type(), topPackage));
    }
    return serving;
  }

  @Test
  void everyStageModelHasItsPackage() throws IOException {
    final Set<String> modelPackages = jobTypesByModelPackage().keySet();
    assertThat(modelPackages).containsAll(ArchitectureTest.STAGES).contains(ArchitectureTest.JOURNEY);
    final Set<String> stagesAndJourney = new TreeSet<>(ArchitectureTest.STAGES);
    stagesAndJourney.add(ArchitectureTest.JOURNEY);
    assertThat(stagesAndJourney).as("a package for every model").containsAll(modelPackages);
  }

  @Test
  void everyJobTypeOfAModelIsServedByItsPackageOrAKernel() throws IOException {
    final Map<String, String> serving = servingPackageByJobType();
    final Set<String> misplaced = new TreeSet<>();
    jobTypesByModelPackage().forEach((modelPackage, types) -> types.forEach(type -> {
      final String server = serving.get(type);
      if (server == null || !server.equals(modelPackage) && !ArchitectureTest.KERNELS.contains(server)) {
        misplaced.add(modelPackage + " uses " + type + ", served by " + server);
      }
    }));
    assertThat(misplaced).as("job types served outside their model's package and the kernels").isEmpty();
  }

  /**
   * The job types the earlier versions of a stage's model used, kept in src/test/resources/earlier-models
   * (named after the model) while their jobs are still served: a worker for them serves its own model.
   */
  private static Map<String, Set<String>> jobTypesOfEarlierModels(final Set<String> models) throws IOException {
    final Map<String, Set<String>> types = new TreeMap<>();
    try (Stream<Path> files = Files.list(EARLIER_MODELS)) {
      for (final Path model : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        final String modelPackage = packageOf(model); // contact-intake-four-steps.bpmn: contactintakefoursteps
        final String stage = models.stream().filter(modelPackage::startsWith).findFirst()
            .orElseThrow(() -> new AssertionError(model + " is not named after a model of workflows/"));
        final Set<String> used = types.computeIfAbsent(stage, k -> new TreeSet<>());
        Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(ZeebeTaskDefinition.class).forEach(d -> used.add(d.getType()));
      }
    }
    return types;
  }

  @Test
  void everyWorkerOfAStageServesItsOwnModel() throws IOException {
    final Map<String, Set<String>> used = jobTypesByModelPackage();
    jobTypesOfEarlierModels(used.keySet()).forEach((stage, types) -> used.get(stage).addAll(types));
    final Set<String> foreign = servingPackageByJobType().entrySet().stream()
        .filter(served -> used.containsKey(served.getValue()) && !used.get(served.getValue()).contains(served.getKey()))
        .map(served -> served.getValue() + " serves " + served.getKey() + ", which its model does not use")
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(foreign).as("workers in a stage package for another model's job types").isEmpty();
  }

  /** The client calls a worker method by reflection: in a class that is not public, its jobs would wait for ever. */
  @Test
  void everyWorkerClassIsPublic() {
    assertThat(workerClasses().filter(type -> !Modifier.isPublic(type.getModifiers())).map(Class::getName).toList())
        .as("worker classes the job client cannot call").isEmpty();
  }
}
