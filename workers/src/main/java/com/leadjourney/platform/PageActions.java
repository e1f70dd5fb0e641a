package com.leadjourney.platform;

import java.util.function.Supplier;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's form action: do it, then go back to the page saying what happened or, in words, why
 * not — the same checks and reasons the API answers with problem+json.
 */
public final class PageActions {

  private PageActions() {}

  /**
   * @param action does the work and says what it did
   * @return the redirect to {@code page}, with a "done" or "problem" message flashed to it
   */
  public static String act(final RedirectAttributes flash, final String page, final Supplier<String> action) {
    try {
      flash.addFlashAttribute("done", action.get());
    } catch (final ResponseStatusException e) {
      flash.addFlashAttribute("problem", e.getReason());
    }
    return "redirect:" + page;
  }
}
