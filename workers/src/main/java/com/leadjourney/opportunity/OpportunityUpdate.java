package com.leadjourney.opportunity;

import com.leadjourney.feedback.FeedbackReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A change sales makes to an opportunity: any of stage, amount, close date, reason (closed-lost)
 * and contact roles. Stored, then applied once by the opportunity process.
 */
public record OpportunityUpdate(
    String stage,
    @PositiveOrZero(message = "must be 0 or more") BigDecimal amount,
    @com.leadjourney.platform.StorableDate LocalDate closeDate,
    String reason,
    List<@Valid ContactRole> contactRoles) {

  static final List<String> STAGES = List.of("discovery", "proposal", "negotiation", "closed-won", "closed-lost");
  static final List<String> ROLES = List.of("decision-maker", "economic-buyer", "champion", "influencer", "user", "blocker");

  /** A contact's role on the deal; credit for revenue flows only through confirmed roles. */
  public record ContactRole(@NotBlank(message = "is required") String leadId, @NotBlank(message = "is required") String role, boolean confirmed) {}

  /** What is wrong with the update for an opportunity whose amount is {@code currentAmount}, or null. */
  String problem(final BigDecimal currentAmount) {
    if (stage == null && amount == null && closeDate == null && (contactRoles == null || contactRoles.isEmpty())) {
      return "nothing to change: send stage, amount, closeDate or contactRoles";
    }
    if (stage != null && !STAGES.contains(stage)) {
      return "stage must be one of " + STAGES;
    }
    if ("closed-lost".equals(stage) && !FeedbackReason.codes().contains(reason)) {
      return "reason is required for closed-lost and must be one of " + FeedbackReason.codes();
    }
    if ("closed-won".equals(stage) && (amount == null ? currentAmount : amount) == null) {
      return "amount is required to close an opportunity won";
    }
    if (contactRoles != null) {
      for (final var role : contactRoles) {
        if (!ROLES.contains(role.role())) {
          return "contactRoles: role must be one of " + ROLES;
        }
      }
    }
    return null;
  }
}
