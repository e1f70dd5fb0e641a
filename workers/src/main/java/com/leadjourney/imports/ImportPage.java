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

  private final LeadImports imports;
  private final ImportMappings mappings;

  ImportPage(final LeadImports imports, final ImportMappings mappings) {
    this.imports = imports;
    this.mappings = mappings;
  }

  @GetMapping("/marketing/imports")
  String form(final Model model) {
    model.addAttribute("mappings", mappings.names());
    model.addAttribute("fields", ImportRow.FIELDS);
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
      final var started = imports.start(file.getOriginalFilename(), file.getBytes(),
          mapping == null || mapping.isBlank() ? null : mappings.named(mapping), startJourneys, user.getName());
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
    return imports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import " + id));
  }
}
