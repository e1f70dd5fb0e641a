package com.leadjourney.account;

import com.leadjourney.database.InsertOnce;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Lead;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links a contact to its account like sales would: the company email domain first, then the
 * company name, fuzzily ("ACME Inc." is "Acme"), else a new account.
 */
@Service
public class AccountMatching {

  /** Mailbox providers: their domain says nothing about the company. */
  private static final Set<String> FREE_MAIL =
      Set.of("gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com", "live.com", "icloud.com", "aol.com",
          "gmx.de", "gmx.net", "web.de", "proton.me", "protonmail.com", "mail.com");

  private static final Set<String> LEGAL_SUFFIXES =
      Set.of("inc", "incorporated", "llc", "ltd", "limited", "gmbh", "ag", "corp", "corporation", "co", "company", "sa", "sas",
          "plc", "bv", "nv", "srl", "spa", "oy", "ab", "as", "pty", "kg");

  /** Jaro-Winkler similarity from which two normalised company names are the same company. */
  private static final double SAME_COMPANY = 0.93;

  public record Match(String accountId, String how) {}

  private final JdbcTemplate jdbc;
  private final LeadRepository leads;
  private final Timeline timeline;
  private final Clock clock;

  AccountMatching(final JdbcTemplate jdbc, final LeadRepository leads, final Timeline timeline, final Clock clock) {
    this.jdbc = jdbc;
    this.leads = leads;
    this.timeline = timeline;
    this.clock = clock;
  }

  /** Idempotent: a lead linked before keeps its account. */
  @Transactional
  public Match match(final String leadId) {
    final Lead lead = leads.lock(leadId);
    if (lead.getAccountId() != null) {
      return new Match(lead.getAccountId(), "linked before");
    }
    final String domain = companyDomain(lead.getEmail()).orElse(null);
    final String name = normalisedName(lead.getCompany());
    final Match match =
        byDomain(domain)
            .or(() -> byName(name, domain))
            .orElseGet(() -> create(lead, domain, name));
    lead.linkAccount(match.accountId(), clock.instant());
    timeline.record(leadId, JourneyEvent.Type.ACCOUNT_MATCHED, lead.getStage(), match.how(), "account-matched");
    return match;
  }

  private Optional<Match> byDomain(final String domain) {
    if (domain == null) {
      return Optional.empty();
    }
    // A locking read sees accounts other contacts of the company created since this transaction began.
    return jdbc.queryForList("select id from account where domain = ? lock in share mode", String.class, domain).stream()
        .findFirst()
        .map(id -> new Match(id, "matched by email domain " + domain));
  }

  /**
   * A company email domain is the stronger evidence: a contact with one is matched by name only to
   * accounts that have no domain yet (an account at another domain is another company, or another
   * subsidiary). Contacts writing from a personal mailbox are matched by name to any account.
   */
  private Optional<Match> byName(final String name, final String contactDomain) {
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    final var similarity = new JaroWinklerSimilarity();
    // Candidates share the first letters; the similarity decides among them.
    final String prefix = name.substring(0, Math.min(3, name.length()));
    return jdbc.queryForList(
            "select id, normalized_name from account where normalized_name like ? and (? or domain is null) order by created_at limit 200",
            prefix.replace("%", "").replace("_", "") + "%", contactDomain == null)
        .stream()
        .map(row -> new Object[] {row.get("id"), similarity.apply(name, (String) row.get("normalized_name")), row.get("normalized_name")})
        .filter(candidate -> (double) candidate[1] >= SAME_COMPANY)
        .max((a, b) -> Double.compare((double) a[1], (double) b[1]))
        .map(best -> new Match((String) best[0], "matched by company name '" + best[2] + "'"));
  }

  /** A new account; if a colleague's lead created the company's account a moment ago, that one. */
  private Match create(final Lead lead, final String domain, final String name) {
    final String id = UUID.randomUUID().toString();
    final String displayName =
        lead.getCompany() != null ? lead.getCompany() : domain != null ? domain : "Individual: " + lead.getEmail();
    final int created =
        InsertOnce.insert(
            jdbc, "insert into account (id, name, normalized_name, domain, created_at) values (?, ?, ?, ?, ?)",
            id, displayName, name == null ? normalisedName(displayName) : name, domain, Timestamp.from(clock.instant()));
    return created == 1 ? new Match(id, "new account") : byDomain(domain).orElseThrow();
  }

  static Optional<String> companyDomain(final String email) {
    final String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    return FREE_MAIL.contains(domain) ? Optional.empty() : Optional.of(domain);
  }

  /** "ACME, Inc." → "acme"; "Müller GmbH & Co. KG" → "müller". */
  static String normalisedName(final String company) {
    if (company == null || company.isBlank()) {
      return null;
    }
    final String[] words = company.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
    final StringBuilder kept = new StringBuilder();
    for (final String word : words) {
      if (!LEGAL_SUFFIXES.contains(word) && !word.isEmpty()) {
        kept.append(kept.isEmpty() ? "" : " ").append(word);
      }
    }
    return kept.isEmpty() ? String.join(" ", words) : kept.toString();
  }
}
