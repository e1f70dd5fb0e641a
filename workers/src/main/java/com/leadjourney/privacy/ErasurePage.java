package com.leadjourney.privacy;

import com.leadjourney.platform.PageActions;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The lead page's "Erase this contact" form, for PRIVACY and ADMIN: irreversible, so the word "erase" is typed to confirm. */
@Controller
class ErasurePage {

  private final LeadErasure erasure;

  ErasurePage(final LeadErasure erasure) {
    this.erasure = erasure;
  }

  @PostMapping("/leads/{id}/erasure")
  String erase(@PathVariable final String id, @RequestParam(defaultValue = "") final String confirm, final Authentication person,
      final RedirectAttributes flash) {
    return PageActions.act(flash, "/leads/" + id, () -> {
      if (!"erase".equals(confirm.strip().toLowerCase(java.util.Locale.ROOT))) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Nothing erased: type the word erase to confirm");
      }
      final var erased = erasure.erase(id, person.getName());
      if (erased == null) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + id);
      }
      return "Contact erased (" + erased.leadIds().size() + (erased.leadIds().size() == 1 ? " lead" : " leads")
          + (erased.journeysCanceled() ? "); its journey is canceled" : "); the engine did not confirm the journey's cancel: erase again to retry");
    });
  }
}
