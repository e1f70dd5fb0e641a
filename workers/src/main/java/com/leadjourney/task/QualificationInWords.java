package com.leadjourney.task;

import com.leadjourney.definition.QualificationDecisions;
import com.leadjourney.lead.BuyerProfile;
import com.leadjourney.lead.Lead;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Why a lead is on someone's desk, as a sentence an XDR reads in two seconds: "VP at a 400-person
 * software company; budget approved; demo request 2 h ago; MQL under v1-default (fit 60,
 * engagement 12.0)" — instead of the decision's raw input map.
 */
final class QualificationInWords {

  /** Seniority codes said as people write them. */
  private static final Set<String> ACRONYMS = Set.of("vp", "svp", "evp", "cto", "ceo", "cfo", "cio", "ciso", "coo", "cmo", "it", "hr");

  private QualificationInWords() {}

  static String of(final Lead lead, final BuyerProfile profile, final List<QualificationDecisions.Trace> decisions, final Instant now) {
    final List<String> parts = new ArrayList<>();
    parts.add(who(lead, profile) + company(lead, profile));
    if (profile.budget() != null) {
      parts.add("budget " + words(profile.budget()));
    }
    if (profile.pain() != null) {
      parts.add("pain " + words(profile.pain()));
    }
    if (profile.decisionStage() != null) {
      parts.add(words(profile.decisionStage()));
    }
    parts.add(words(lead.getSource()) + (lead.getCampaign() == null ? "" : " (" + lead.getCampaign() + ")") + " " + ago(lead.getCreatedAt(), now));
    if (!decisions.isEmpty()) {
      final var last = decisions.get(decisions.size() - 1);
      parts.add(("mql".equals(last.outcome()) ? "MQL" : last.outcome()) + " under " + last.definitionVersion() + " (fit " + last.fitScore()
          + ", engagement " + String.format(Locale.ROOT, "%.1f", last.engagementScore()) + ")");
    }
    return String.join("; ", parts);
  }

  private static String who(final Lead lead, final BuyerProfile profile) {
    if (lead.getTitle() != null && !lead.getTitle().isBlank()) {
      return lead.getTitle();
    }
    if (profile.seniority() != null) {
      return words(profile.seniority()) + (profile.role() == null ? "" : " in " + words(profile.role()));
    }
    return profile.role() == null ? "Contact" : words(profile.role());
  }

  private static String company(final Lead lead, final BuyerProfile profile) {
    if (profile.companySize() == null && profile.industry() == null) {
      return lead.getCompany() == null ? "" : " at " + lead.getCompany();
    }
    final String size = profile.companySize() == null ? "" : profile.companySize() + "-person ";
    final String industry = profile.industry() == null ? "" : words(profile.industry()) + " ";
    return " at " + (size.isEmpty() && industry.toLowerCase(Locale.ROOT).matches("[aeiou].*") ? "an " : "a ") + size + industry + "company"
        + (lead.getCompany() == null ? "" : " (" + lead.getCompany() + ")");
  }

  /** "financial-services" → "financial services", "vp" → "VP". */
  static String words(final String code) {
    if (code == null) {
      return null;
    }
    final List<String> out = new ArrayList<>();
    for (final String word : code.split("[-_ ]+")) {
      out.add(ACRONYMS.contains(word.toLowerCase(Locale.ROOT)) ? word.toUpperCase(Locale.ROOT) : word);
    }
    return String.join(" ", out);
  }

  /** "just now", "12 min ago", "2 h ago", "3 d ago". */
  static String ago(final Instant then, final Instant now) {
    final Duration d = Duration.between(then, now);
    if (d.toMinutes() < 1) {
      return "just now";
    }
    if (d.toHours() < 1) {
      return d.toMinutes() + " min ago";
    }
    return d.toDays() < 1 ? d.toHours() + " h ago" : d.toDays() + " d ago";
  }
}
