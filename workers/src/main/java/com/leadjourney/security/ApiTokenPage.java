package com.leadjourney.security;

import com.leadjourney.platform.PageActions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where a person issues and revokes their own API tokens; a new token is shown once. */
@Controller
class ApiTokenPage {

  private final ApiTokens tokens;

  ApiTokenPage(final ApiTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/tokens")
  String tokens(final Authentication user, final Model model) {
    model.addAttribute("tokens", tokens.of(user.getName()));
    return "tokens";
  }

  @PostMapping("/tokens")
  String issue(@RequestParam final String name, @RequestParam(required = false) final Integer days, final Authentication user,
      final RedirectAttributes flash) {
    return PageActions.act(flash, "/tokens", () -> {
      final var issued = tokens.issue(user.getName(), name, days);
      flash.addFlashAttribute("secret", issued.secret());
      return "Token " + issued.token().name() + " issued. Copy it now: it is not shown again.";
    });
  }

  @PostMapping("/tokens/{id}/revocation")
  String revoke(@PathVariable final String id, final Authentication user, final RedirectAttributes flash) {
    return PageActions.act(flash, "/tokens", () -> {
      tokens.revoke(user, id);
      return "Token revoked: calls with it are refused from now on.";
    });
  }
}
