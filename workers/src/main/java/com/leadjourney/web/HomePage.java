package com.leadjourney.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and after it each person's starting page by role. */
@Controller
class HomePage {

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/")
  String home(final Authentication user) {
    final var roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    if (roles.contains("ROLE_XDR") || roles.contains("ROLE_AE") || roles.contains("ROLE_MANAGER")) {
      return "redirect:/inbox";
    }
    if (roles.contains("ROLE_MARKETING")) {
      return "redirect:/marketing/imports";
    }
    if (roles.contains("ROLE_LEADERSHIP") || roles.contains("ROLE_SALES")) {
      return "redirect:/reviews/weekly";
    }
    return "redirect:/swagger-ui.html";
  }
}
