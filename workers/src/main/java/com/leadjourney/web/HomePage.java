package com.leadjourney.web;

import com.leadjourney.security.Roles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and after it each person's starting page by role. */
@Controller
class HomePage {

  /** Someone already signed in has nothing to sign: straight to their start page. */
  @GetMapping("/login")
  String login(final Authentication user) {
    return user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken) ? "redirect:/" : "login";
  }

  @GetMapping("/")
  String home(final Authentication user) {
    if (Roles.has(user, "XDR") || Roles.has(user, "AE")) {
      return "redirect:/inbox";
    }
    if (Roles.has(user, "MANAGER") || Roles.has(user, "ADMIN")) { // an admin oversees every team
      return "redirect:/team";
    }
    if (Roles.has(user, "MARKETING")) {
      return "redirect:/marketing";
    }
    if (Roles.has(user, "LEADERSHIP") || Roles.has(user, "SALES")) {
      return "redirect:/reviews/weekly";
    }
    if (Roles.has(user, "DESIGNER")) {
      return "redirect:/designer";
    }
    return "redirect:/tokens"; // a role with no page (integration, metrics): their API tokens
  }
}
