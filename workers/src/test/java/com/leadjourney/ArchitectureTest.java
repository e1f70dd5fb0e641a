package com.leadjourney;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * The package boundaries the design asks for, checked on every build from the compiled classes:
 * four layers — kernels (know nothing of stages), stages (one per model), the journey that
 * orchestrates them, and the pages and reviews on top — with no package cycle anywhere. A new
 * package must be placed in a layer here (and in README's code map) before it builds.
 */
@AnalyzeClasses(packages = {"com.leadjourney", "io.camunda.zeebe.process.test.engine"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** One package per stage model, named as the model without hyphens. */
  static final Set<String> STAGES =
      Set.of("contactintake", "prequalification", "nurture", "xdrhandoff", "salesacceptance", "opportunity", "customer");

  /** Shared services that know nothing about stages; each owns its tables. */
  static final Set<String> KERNELS = Set.of(
      "account", "audit", "campaign", "database", "definition", "engine", "events", "feedback", "lead", "notification", "platform",
      "routing", "security", "sla", "task");

  /** The orchestrator of lead-journey.bpmn: starts journeys and calls the stages, through the engine. */
  static final String JOURNEY = "journey";

  /** Pages, reviews, imports and the demo: they compose the rest, nothing depends on them. */
  static final Set<String> TOP = Set.of("web", "review", "imports", "demo", "privacy");

  /** The engine's own classes; the app talks to an engine through the Camunda client and the engine port only. */
  @ArchTest
  static final ArchRule onlyTheEmbeddedEngineSeesZeebeInternals =
      noClasses().that().resideOutsideOfPackages("com.leadjourney.engine.embedded..", "io.camunda.zeebe.process.test.engine..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "io.camunda.zeebe.engine..", "io.camunda.zeebe.stream..", "io.camunda.zeebe.logstreams..", "io.camunda.zeebe.db..",
              "io.camunda.zeebe.scheduler..", "io.camunda.zeebe.protocol.impl..", "io.camunda.zeebe.gateway..")
          .because("only the embedded engine may know how the engine is built; the rest works the same against a cluster");

  /** Startup, the inbox and the pages ask the engine port (EngineRestarts, Incidents, ProcessCatalog), never the embedded engine. */
  @ArchTest
  static final ArchRule nothingButTheDemoKnowsTheEngineIsEmbedded =
      noClasses().that().resideOutsideOfPackages("com.leadjourney.engine.embedded..", "com.leadjourney.demo..", "io.camunda.zeebe.process.test.engine..")
          .should().dependOnClassesThat().resideInAPackage("com.leadjourney.engine.embedded..")
          .because("the same code runs against a cluster; only the demo moves the embedded engine's clock");

  @ArchTest
  static final ArchRule controllersAndPagesHoldNoSql =
      noClasses().that().haveSimpleNameEndingWith("Controller").or().haveSimpleNameEndingWith("Page")
          .should().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
          .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
          .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
          .because("a table is read and written by the package that owns it, not by the web layer");

  /** ArchUnit's own cycle check over the top-level packages (engine.embedded counts as engine). */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("com.leadjourney.(*)..").should().beFreeOfCycles()
          .because("a cycle means no package can be understood, tested or changed alone");

  @ArchTest
  static void everyPackageHasItsLayer(final JavaClasses classes) {
    final Set<String> placed = new TreeSet<>(STAGES);
    placed.addAll(KERNELS);
    placed.addAll(TOP);
    placed.add(JOURNEY);
    assertThat(placed).as("packages placed in a layer").containsAll(packageGraph(classes).keySet());
  }

  @ArchTest
  static void theReadmeCodeMapNamesEveryPackage(final JavaClasses classes) throws IOException {
    final String readme = Files.readString(Path.of("..", "README.md"));
    final int start = readme.indexOf("## Code map");
    assertThat(start).as("README has a section '## Code map'").isNotNegative();
    final String codeMap = readme.substring(start, readme.indexOf("\n## ", start + 1));
    assertThat(packageGraph(classes).keySet()).as("packages README's code map names")
        .allSatisfy(name -> assertThat(codeMap).contains("`" + name + "`"));
  }

  @ArchTest
  static void kernelsDependOnKernelsOnly(final JavaClasses classes) {
    assertThat(dependencies(classes, KERNELS, KERNELS)).as("kernels depending on a stage, the journey or a page").isEmpty();
  }

  @ArchTest
  static void stagesDependOnKernelsOnly(final JavaClasses classes) {
    assertThat(dependencies(classes, STAGES, KERNELS)).as("stages depending on another stage, the journey or a page").isEmpty();
  }

  @ArchTest
  static void theJourneyDependsOnKernelsOnly(final JavaClasses classes) {
    assertThat(dependencies(classes, Set.of(JOURNEY), KERNELS)).as("the journey calls its stages through the engine only").isEmpty();
  }

  /** Dependencies from a package in {@code from} to one outside {@code allowed}, as "a -> b". */
  private static Set<String> dependencies(final JavaClasses classes, final Set<String> from, final Set<String> allowed) {
    final Set<String> found = new TreeSet<>();
    packageGraph(classes).forEach((source, targets) -> targets.stream()
        .filter(target -> from.contains(source) && !allowed.contains(target))
        .forEach(target -> found.add(source + " -> " + target)));
    return found;
  }

  /** Top-level packages under com.leadjourney and the ones each depends on. */
  private static Map<String, Set<String>> packageGraph(final JavaClasses classes) {
    final Map<String, Set<String>> graph = new TreeMap<>();
    for (final JavaClass type : classes) {
      final String from = topPackage(type);
      if (from == null) {
        continue;
      }
      graph.computeIfAbsent(from, p -> new TreeSet<>());
      type.getDirectDependenciesFromSelf().forEach(d -> {
        final String to = topPackage(d.getTargetClass());
        if (to != null && !to.equals(from)) {
          graph.get(from).add(to);
        }
      });
    }
    return graph;
  }

  private static String topPackage(final JavaClass type) {
    final String name = type.getPackageName();
    if (!name.startsWith("com.leadjourney.")) {
      return null;
    }
    final String rest = name.substring("com.leadjourney.".length());
    return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
  }
}
