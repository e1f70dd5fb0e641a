package com.leadjourney.web;

import com.leadjourney.account.Accounts;
import com.leadjourney.audit.Audit;
import com.leadjourney.lead.JourneyEventRepository;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.opportunity.Opportunities;
import com.leadjourney.definition.QualificationDecisions;
import com.leadjourney.task.ContactCards;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A lead on one page: its timeline through every stage, task and SLA event, the qualification
 * decisions with the criteria that fired, its opportunities, its account and the account's other contacts, and the
 * audit trail of what people decided about it.
 */
@Controller
class LeadPage {

  private final LeadRepository leads;
  private final JourneyEventRepository events;
  private final QualificationDecisions decisions;
  private final Audit audit;
  private final Accounts accounts;
  private final Opportunities opportunities;
  private final ContactCards cards;

  LeadPage(
      final LeadRepository leads, final JourneyEventRepository events, final QualificationDecisions decisions, final Audit audit,
      final Accounts accounts, final Opportunities opportunities, final ContactCards cards) {
    this.cards = cards;
    this.opportunities = opportunities;
    this.leads = leads;
    this.events = events;
    this.decisions = decisions;
    this.audit = audit;
    this.accounts = accounts;
  }

  /** One audit entry as a sentence: who did what, and what changed ("assignee: ada → grace"). */
  record AuditLine(String actor, String action, java.time.Instant at, String change) {
    static AuditLine of(final Audit.Entry e) {
      final Map<String, Object> before = e.before() == null ? Map.of() : e.before();
      final Map<String, Object> after = e.after() == null ? Map.of() : e.after();
      final var keys = new java.util.LinkedHashSet<String>(before.keySet());
      keys.addAll(after.keySet());
      final String change = keys.stream()
          .filter(k -> !java.util.Objects.equals(before.get(k), after.get(k)))
          .map(k -> k + ": " + (before.get(k) == null ? "—" : before.get(k)) + " → " + (after.get(k) == null ? "—" : after.get(k)))
          .collect(java.util.stream.Collectors.joining("; "));
      return new AuditLine(e.actor(), e.action(), e.occurredAt(), change);
    }
  }

  @GetMapping("/leads/{id}")
  String lead(@PathVariable final String id, final Model model, final org.springframework.security.core.Authentication user) {
    final var lead = leads.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + id));
    model.addAttribute("lead", lead);
    model.addAttribute("timeline", events.findByLeadIdOrderByOccurredAtAscIdAsc(id));
    model.addAttribute("decisions", decisions.tracesOf(id));
    model.addAttribute("audit", audit.ofLead(id).stream().map(AuditLine::of).toList());
    model.addAttribute("card", cards.of(id).orElseThrow());
    model.addAttribute("opportunities", opportunities.ofLead(id));
    model.addAttribute("account", lead.getAccountId() == null ? null : accounts.summary(lead.getAccountId()));
    model.addAttribute("mayErase", com.leadjourney.security.Roles.has(user, "PRIVACY") || com.leadjourney.security.Roles.has(user, "ADMIN"));
    return "lead";
  }
}
