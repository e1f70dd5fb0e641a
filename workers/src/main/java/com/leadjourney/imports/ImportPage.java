package com.leadjourney.imports;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Marketing's CSV import page: pick a file and a saved column mapping, then watch the progress bar
 * reach 100% and read the bad rows with their reasons.
 */
@Controller
class ImportPage {

  /** The form's choice for a file whose columns are named like the fields already. */
  static final String BY_FIELD_NAMES = "=fields";

  private final LeadImports imports;
  private final ImportMappings mappings;

  private final ImportReports reports;

  ImportPage(final LeadImports imports, final ImportMappings mappings, final ImportReports reports) {
    this.imports = imports;
    this.mappings = mappings;
    this.reports = reports;
  }

  @GetMapping("/marketing/imports")
  String form(final Model model) {
    model.addAttribute("mappings", mappings.names());
    model.addAttribute("fields", ImportRow.FIELDS);
    model.addAttribute("recent", reports.recent(20));
    return "imports";
  }

  @PostMapping("/marketing/imports")
  String upload(
      @RequestParam final MultipartFile file, @RequestParam(required = false) final String mapping,
      @RequestParam(defaultValue = "false") final boolean startJourneys, final Authentication user, final RedirectAttributes flash)
      throws IOException {
    if (file.isEmpty()) {
      flash.addFlashAttribute("problem", "Choose a CSV file first.");
      return "redirect:/marketing/imports";
    }
    try {
      if (mapping == null || mapping.isBlank()) { // an export not seen before: map its columns on the next page
        return "redirect:/marketing/imports/" + imports.stage(file.getOriginalFilename(), file.getBytes(), startJourneys, user.getName()) + "/mapping";
      }
      final var started = imports.start(file.getOriginalFilename(), file.getBytes(),
          BY_FIELD_NAMES.equals(mapping) ? null : mappings.named(mapping), startJourneys, user.getName());
      return "redirect:/marketing/imports/" + started.id();
    } catch (final ResponseStatusException e) {
      flash.addFlashAttribute("problem", e.getReason());
      return "redirect:/marketing/imports";
    }
  }

  @GetMapping("/marketing/imports/{id}")
  String progress(@PathVariable final String id, final Model model) {
    model.addAttribute("job", progressOf(id));
    return "import";
  }

  /** What the page polls while the import runs. */
  @GetMapping("/marketing/imports/{id}/progress")
  @ResponseBody
  LeadImports.Import progressOf(@PathVariable final String id) {
    return reports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import " + id));
  }

  @GetMapping("/marketing/imports/{id}/rejected.csv")
  void rejected(@PathVariable final String id, final jakarta.servlet.http.HttpServletResponse response) throws IOException {
    ImportDownloads.rejected(reports, id, response);
  }
}
