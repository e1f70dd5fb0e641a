package com.leadjourney.opportunity;

import com.leadjourney.feedback.FeedbackReason;
import com.leadjourney.platform.PageActions;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
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
 * The AE's opportunity page: stage, amount, close date and the roles of the account's contacts to
 * confirm (only confirmed roles earn revenue credit), with every change sales asked for. A change
 * goes the way the API's does: stored, then applied once by the opportunity process.
 */
@Controller
class OpportunityPage {

  /** A contact of the account, with the role they hold on this deal if any. */
  record Contact(String leadId, String email, String title, String role, boolean confirmed) {}

  private final Opportunities opportunities;
  private final OpportunitySheet sheet;

  OpportunityPage(final Opportunities opportunities, final OpportunitySheet sheet) {
    this.opportunities = opportunities;
    this.sheet = sheet;
  }

  @GetMapping("/opportunities/{id}")
  String opportunity(@PathVariable final String id, final Model model) {
    final var deal = view(id);
    final Map<String, OpportunityUpdate.ContactRole> roles = new HashMap<>();
    deal.contactRoles().forEach(r -> roles.put(r.leadId(), r));
    model.addAttribute("deal", deal);
    model.addAttribute("lead", sheet.leadOf(deal));
    model.addAttribute("contacts", sheet.contactsOf(deal).stream()
        .map(c -> {
          final var role = roles.get((String) c.get("id"));
          return new Contact((String) c.get("id"), (String) c.get("email"), (String) c.get("title"), role == null ? null : role.role(),
              role != null && role.confirmed());
        })
        .toList());
    model.addAttribute("stages", OpportunityUpdate.STAGES);
    model.addAttribute("roles", OpportunityUpdate.ROLES);
    model.addAttribute("reasons", FeedbackReason.codes());
    model.addAttribute("updates", sheet.updatesOf(id));
    return "opportunity";
  }

  /**
   * Sends what changed on the form: stage, amount, close date, reason, and for each contact
   * ({@code leadId}, {@code role-<leadId>}, {@code confirmed-<leadId>}) a role that differs from before.
   */
  @PostMapping("/opportunities/{id}/updates")
  String update(
      @PathVariable final String id, @RequestParam final MultiValueMap<String, String> form, final Principal user, final RedirectAttributes flash) {
    return PageActions.act(flash, "/opportunities/" + id, () -> {
      final var deal = view(id);
      final String stage = changed(form.getFirst("stage"), deal.stage());
      final BigDecimal amount = amount(form.getFirst("amount"), deal.amount());
      final LocalDate closeDate = closeDate(form.getFirst("closeDate"), deal.closeDate());
      final List<OpportunityUpdate.ContactRole> roles = new ArrayList<>();
      for (final String leadId : form.getOrDefault("leadId", List.of())) {
        final String role = form.getFirst("role-" + leadId);
        final boolean confirmed = form.containsKey("confirmed-" + leadId);
        final var before = deal.contactRoles().stream().filter(r -> r.leadId().equals(leadId)).findFirst();
        if (role != null && !role.isBlank()
            && !before.map(r -> r.role().equals(role) && r.confirmed() == confirmed).orElse(false)) {
          roles.add(new OpportunityUpdate.ContactRole(leadId, role, confirmed));
        }
      }
      final String reason = form.getFirst("reason");
      opportunities.requestUpdate(
          id, new OpportunityUpdate(stage, amount, closeDate, reason == null || reason.isBlank() ? null : reason, roles), user.getName());
      return "Sent: the opportunity process applies the change in a moment.";
    });
  }

  private Opportunities.View view(final String id) {
    return opportunities.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No opportunity " + id));
  }

  private static String changed(final String value, final String before) {
    return value == null || value.isBlank() || value.equals(before) ? null : value;
  }

  private static BigDecimal amount(final String value, final BigDecimal before) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      final BigDecimal amount = new BigDecimal(value.strip().replace(",", ""));
      if (amount.signum() < 0) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The amount must be 0 or more");
      }
      return before != null && before.compareTo(amount) == 0 ? null : amount;
    } catch (final NumberFormatException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The amount must be a number, such as 48000 or 48000.50");
    }
  }

  private static LocalDate closeDate(final String value, final LocalDate before) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      final LocalDate date = LocalDate.parse(value);
      return Objects.equals(date, before) ? null : date;
    } catch (final java.time.format.DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The close date must be a date such as 2027-03-31");
    }
  }
}
