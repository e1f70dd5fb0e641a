package com.leadjourney;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * The package boundaries the design asks for (README "Code map"), checked on every build. Where the
 * code does not meet one yet, the rule is frozen: the violations of today are listed in
 * src/test/resources/architecture-violations and only a new one fails the build (a fixed one drops
 * out of the list by itself). The list is what the restructuring still has to do.
 */
@AnalyzeClasses(packages = {"com.leadjourney", "io.camunda.zeebe.process.test.engine"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** One package per stage model, named as the model without hyphens. */
  private static final List<String> STAGES =
      List.of("contactintake", "prequalification", "nurture", "xdrhandoff", "salesacceptance", "opportunity", "customer");

  /** The engine's own classes; the app talks to an engine through the Camunda client only. */
  @ArchTest
  static final ArchRule onlyTheEmbeddedEngineSeesZeebeInternals =
      noClasses().that().resideOutsideOfPackages("com.leadjourney.engine..", "io.camunda.zeebe.process.test.engine..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "io.camunda.zeebe.engine..", "io.camunda.zeebe.stream..", "io.camunda.zeebe.logstreams..", "io.camunda.zeebe.db..",
              "io.camunda.zeebe.scheduler..", "io.camunda.zeebe.protocol.impl..", "io.camunda.zeebe.gateway..")
          .because("only the embedded engine may know how the engine is built; the rest works the same against a cluster");

  @ArchTest
  static final ArchRule noCyclesBetweenPackages =
      FreezingArchRule.freeze(slices().matching("com.leadjourney.(*)..").should().beFreeOfCycles());

  @ArchTest
  static final ArchRule stagesDependOnKernelsNeverOnEachOtherOrTheJourney = FreezingArchRule.freeze(stagesApart());

  @ArchTest
  static final ArchRule controllersAndPagesHoldNoSql =
      FreezingArchRule.freeze(noClasses().that().haveSimpleNameEndingWith("Controller").or().haveSimpleNameEndingWith("Page")
          .should().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
          .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
          .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
          .because("a table is read and written by the package that owns it, not by the web layer"));

  private static ArchRule stagesApart() {
    CompositeArchRule rule = null;
    for (final String stage : STAGES) {
      final String[] others = java.util.stream.Stream.concat(STAGES.stream().filter(s -> !s.equals(stage)), java.util.stream.Stream.of("journey"))
          .map(s -> "com.leadjourney." + s + "..").toArray(String[]::new);
      final ArchRule apart = noClasses().that().resideInAPackage("com.leadjourney." + stage + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others);
      rule = rule == null ? CompositeArchRule.of(apart) : rule.and(apart);
    }
    return rule;
  }
}
