package com.leadjourney.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Mapping an export nobody mapped before, without writing JSON: each column of the file with a few
 * of its values, and what it becomes — a field, a custom field (text, number or date), or nothing.
 * Values can be translated ("1 = customer"); the mapping can be saved under a name for next time.
 */
@Controller
class ImportMappingPage {

  /** What a column can become, as the page's select offers it. */
  record Choice(String value, String label) {}

  /** A row of the page: the column, its sample values, and the guess for it. */
  record ColumnRow(int index, String name, List<String> samples, String guess, String customName) {}

  private final LeadImports imports;
  private final ImportMappings mappings;

  ImportMappingPage(final LeadImports imports, final ImportMappings mappings) {
    this.imports = imports;
    this.mappings = mappings;
  }

  @GetMapping("/marketing/imports/{id}/mapping")
  String form(@PathVariable final String id, final Model model) {
    final var columns = imports.stagedColumns(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No file waiting for its mapping: " + id));
    final List<ColumnRow> rows = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      final var column = columns.get(i);
      rows.add(new ColumnRow(i, column.name(), column.samples(), guess(column.name()), customName(column.name())));
    }
    model.addAttribute("id", id);
    model.addAttribute("columns", rows);
    model.addAttribute("choices", choices());
    return "import-mapping";
  }

  @PostMapping("/marketing/imports/{id}/mapping")
  String map(@PathVariable final String id, @RequestParam final MultiValueMap<String, String> form, final Authentication user,
      final RedirectAttributes flash) {
    final var columns = imports.stagedColumns(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No file waiting for its mapping: " + id));
    try {
      final Map<String, Object> mapping = mapping(columns, form);
      final ImportMapping parsed = ImportMapping.parse(mapping);
      final String saveAs = form.getFirst("saveAs");
      if (saveAs != null && !saveAs.isBlank()) {
        mappings.save(saveAs.strip(), mapping, user.getName());
      }
      return "redirect:/marketing/imports/" + imports.startStaged(id, parsed).id();
    } catch (final ResponseStatusException e) {
      flash.addFlashAttribute("problem", e.getReason());
      return "redirect:/marketing/imports/" + id + "/mapping";
    }
  }

  /** The mapping the form describes, in the API's JSON shape; a field chosen for two columns is a 400. */
  static Map<String, Object> mapping(final List<ImportFiles.Column> columns, final MultiValueMap<String, String> form) {
    final Map<String, Object> mapping = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      final String target = form.getFirst("target" + i);
      if (target == null || target.isBlank()) {
        continue;
      }
      final String column = columns.get(i).name();
      String field = target;
      String type = null;
      if (target.startsWith("custom:")) {
        type = target.substring("custom:".length());
        field = ImportMapping.CUSTOM + String.valueOf(form.getFirst("custom" + i)).strip();
      }
      if (mapping.containsKey(field)) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + field + "' is chosen for two columns; choose it for one");
      }
      final Map<String, String> values = values(form.getFirst("values" + i), column);
      if (type == null && values.isEmpty()) {
        mapping.put(field, column);
      } else {
        final Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("column", column);
        if (type != null && !"string".equals(type)) {
          spec.put("type", type);
        }
        if (!values.isEmpty()) {
          spec.put("values", values);
          spec.put("unmapped", "on".equals(form.getFirst("keep" + i)) ? "keep" : "reject");
        }
        mapping.put(field, spec);
      }
    }
    return mapping;
  }

  /** "1 = customer" lines to {"1": "customer"}. */
  private static Map<String, String> values(final String text, final String column) {
    final Map<String, String> values = new LinkedHashMap<>();
    if (text == null) {
      return values;
    }
    for (final String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      final int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
            "Translations for '" + column + "' are one per line as file value = field value, e.g. 1 = customer; '" + line.strip() + "' is not");
      }
      values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    return values;
  }

  private static List<Choice> choices() {
    final List<Choice> choices = new ArrayList<>();
    choices.add(new Choice("", "— ignore —"));
    choices.add(new Choice(ImportMapping.EXTERNAL_ID, "externalId (the CRM's record id)"));
    ImportRow.FIELDS.forEach(f -> choices.add(new Choice(f, f)));
    choices.add(new Choice("custom:string", "custom field (text)"));
    choices.add(new Choice("custom:number", "custom field (number)"));
    choices.add(new Choice("custom:date", "custom field (date)"));
    return choices;
  }

  /** A field whose name the column spells, ignoring case, spaces and punctuation ("First Name" → firstName). */
  static String guess(final String column) {
    final String squashed = squash(column);
    for (final String field : ImportRow.FIELDS) {
      if (squash(field).equals(squashed)) {
        return field;
      }
    }
    return squash(ImportMapping.EXTERNAL_ID).equals(squashed) || squashed.equals("id") || squashed.endsWith("recordid") ? ImportMapping.EXTERNAL_ID : "";
  }

  /** "Total Time Spent on Website" → totalTimeSpentOnWebsite, at most 40 characters, starting with a letter. */
  static String customName(final String column) {
    final StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (final char c : column.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128) {
        name.append(name.isEmpty() ? Character.toLowerCase(c) : upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = !name.isEmpty();
      }
    }
    final String candidate = name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "field" + name : name.toString();
    return candidate.substring(0, Math.min(40, candidate.length()));
  }

  private static String squash(final String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
