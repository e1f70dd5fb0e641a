package com.leadjourney.engine.operations;

import com.leadjourney.engine.StageMigration;

import com.leadjourney.engine.IncidentRetry;

import com.leadjourney.engine.Incidents;

import com.leadjourney.engine.ProcessDeployment;

import com.leadjourney.engine.ProcessCatalog;

import com.leadjourney.platform.PageActions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The process designer's page: every deployed version, the chosen one drawn by bpmn-js with the
 * number of journeys waiting at each element (refreshed live), open incidents with a retry, and
 * migration of a stage's in-flight journeys to another version.
 */
@Controller
class DesignerPage {

  /** A version as the page lists it, with how many of its instances run now. */
  record Row(ProcessCatalog.Version version, long running, boolean live) {}

  private final ProcessCatalog catalog;
  private final ProcessDeployment deployment;
  private final Incidents incidents;
  private final IncidentRetry retry;
  private final StageMigration migration;

  DesignerPage(
      final ProcessCatalog catalog, final ProcessDeployment deployment, final Incidents incidents, final IncidentRetry retry,
      final StageMigration migration) {
    this.catalog = catalog;
    this.deployment = deployment;
    this.incidents = incidents;
    this.retry = retry;
    this.migration = migration;
  }

  @GetMapping("/designer")
  String designer(@RequestParam(required = false) final Long process, final Model model) {
    final var liveKeys = catalog.newest().values().stream().map(ProcessCatalog.Version::processDefinitionKey).collect(Collectors.toSet());
    final List<Row> rows = catalog.versions().stream()
        .map(v -> new Row(v, catalog.activeByElement(v.processDefinitionKey()).getOrDefault(v.bpmnProcessId(), 0L), liveKeys.contains(v.processDefinitionKey())))
        .toList();
    final Row shown = rows.stream()
        .filter(r -> process == null ? r.live() && "lead-journey".equals(r.version().bpmnProcessId()) : r.version().processDefinitionKey() == process)
        .findFirst()
        .orElse(rows.isEmpty() ? null : rows.get(0));
    model.addAttribute("rows", rows);
    model.addAttribute("shown", shown);
    model.addAttribute("incidents", incidents.open());
    final Map<String, List<ProcessCatalog.Version>> targets = new LinkedHashMap<>();
    for (final String stage : migration.stages()) {
      targets.put(stage, rows.stream().map(Row::version).filter(v -> v.bpmnProcessId().equals(stage)).toList());
    }
    model.addAttribute("migrationTargets", targets);
    return "designer";
  }

  @GetMapping(value = "/designer/processes/{key}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  @ResponseBody
  String bpmn(@PathVariable final long key) {
    return catalog.bpmnXml(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No process version " + key));
  }

  /** Journeys waiting per element now; the page polls it. */
  @GetMapping("/designer/processes/{key}/counts")
  @ResponseBody
  Map<String, Long> counts(@PathVariable final long key) {
    return catalog.activeByElement(key);
  }

  @PostMapping("/designer/incidents/{key}/retry")
  String retry(@PathVariable final long key, final RedirectAttributes flash) {
    return PageActions.act(flash, "/designer", () -> {
      retry.retry(key);
      return "Incident " + key + " retried: the journey continues where it stopped.";
    });
  }

  /**
   * Migrates every in-flight journey of a stage; {@code mappings} has one "source -> target" element
   * pair per line, as in Operate's migration view.
   */
  @PostMapping("/designer/migrations")
  String migrate(
      @RequestParam final String stage, @RequestParam final long target, @RequestParam final String mappings, final RedirectAttributes flash) {
    final List<StageMigration.Mapping> pairs = new ArrayList<>();
    for (final String line : mappings.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      final String[] ends = line.split("->");
      if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank()) {
        flash.addFlashAttribute("problem", "Write each mapping as 'source -> target' on its own line; not: " + line.strip());
        return "redirect:/designer";
      }
      pairs.add(new StageMigration.Mapping(ends[0].strip(), ends[1].strip()));
    }
    return PageActions.act(flash, "/designer?process=" + target, () -> {
      final var result = migration.migrate(stage, target, pairs);
      return result.migrated() + " journeys of " + stage + " migrated"
          + (result.failed().isEmpty() ? "." : "; " + result.failed().size() + " not: " + result.failed().get(0).reason());
    });
  }
}
