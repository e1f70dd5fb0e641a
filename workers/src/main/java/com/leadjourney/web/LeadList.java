package com.leadjourney.web;

import com.leadjourney.lead.LeadSearch;
import com.leadjourney.routing.Teams;
import com.leadjourney.security.Roles;
import java.util.HashSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lead search, as a page ({@code /leads}) and in the API ({@code GET /api/leads?q=&stage=&owner=&page=&size=}):
 * newest first, a page at a time. Marketing, sales, leadership and admins see every lead; a manager
 * those routed to the teams they manage; an XDR or AE those routed to them or to their teams.
 */
@Controller
class LeadList {

  private static final int MOST = 100;

  private final LeadSearch search;
  private final Teams teams;

  LeadList(final LeadSearch search, final Teams teams) {
    this.search = search;
    this.teams = teams;
  }

  @GetMapping("/api/leads")
  @ResponseBody
  LeadSearch.Page api(
      @RequestParam(required = false) final String q, @RequestParam(required = false) final String stage,
      @RequestParam(required = false) final String owner, @RequestParam(defaultValue = "0") final int page,
      @RequestParam(defaultValue = "25") final int size, final Authentication user) {
    return search.find(query(q, stage, owner, page, size), scopeOf(user));
  }

  @GetMapping("/leads")
  String page(
      @RequestParam(required = false) final String q, @RequestParam(required = false) final String stage,
      @RequestParam(required = false) final String owner, @RequestParam(defaultValue = "0") final int page, final Authentication user,
      final Model model) {
    final var found = search.find(query(q, stage, owner, page, 50), scopeOf(user));
    model.addAttribute("found", found);
    model.addAttribute("q", q);
    model.addAttribute("stage", stage);
    model.addAttribute("owner", owner);
    model.addAttribute("pages", (found.total() + found.size() - 1) / found.size());
    return "leads";
  }

  private static LeadSearch.Query query(final String q, final String stage, final String owner, final int page, final int size) {
    if (page < 0 || size < 1 || size > MOST) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 0 or more and size between 1 and " + MOST);
    }
    if (q != null && q.length() > 200) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "q may hold at most 200 characters");
    }
    return new LeadSearch.Query(q, stage, owner, page, size);
  }

  private LeadSearch.Scope scopeOf(final Authentication user) {
    if (Roles.has(user, "ADMIN") || Roles.has(user, "MARKETING") || Roles.has(user, "SALES") || Roles.has(user, "LEADERSHIP")) {
      return LeadSearch.Scope.EVERYONE;
    }
    if (!Roles.has(user, "XDR") && !Roles.has(user, "AE") && !Roles.has(user, "MANAGER")) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your role works with no leads; ask an admin if you need to search them");
    }
    final Set<String> visible = new HashSet<>(teams.managedBy(user.getName()));
    visible.addAll(teams.teamsOfMember("xdr", user.getName()));
    visible.addAll(teams.teamsOfMember("ae", user.getName()));
    return new LeadSearch.Scope(false, visible, user.getName());
  }
}
