package com.leadjourney.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A contact being erased (GDPR Art. 17): the lead and what identifies the person in free text
 * elsewhere (timeline lines, notes, audit states, stored import rows). Text is scrubbed by replacing
 * each identifier, whole words and any case, with {@link #ERASED}; counts and amounts are left alone.
 */
public record ErasedPerson(String leadId, List<String> identifiers) {

  public static final String ERASED = "[erased]";

  /** Identifiers shorter than this are not searched for: "Al" would scrub "Also". */
  private static final int SHORTEST = 2;

  public ErasedPerson {
    identifiers = identifiers.stream().filter(Objects::nonNull).map(String::strip).filter(s -> s.length() >= SHORTEST).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()) // "Jane Doe" before "Jane"
        .toList();
  }

  /** From the lead's own fields; the full name is searched for as well as each part. */
  public static ErasedPerson of(
      final String leadId, final String email, final String firstName, final String lastName, final String phone, final String externalId) {
    final String fullName = firstName != null && lastName != null ? firstName.strip() + " " + lastName.strip() : null;
    return new ErasedPerson(leadId, Stream.of(email, fullName, firstName, lastName, phone, externalId).toList());
  }

  /** The text with every identifier replaced; the same text when none occurs (or null for null). */
  public String scrub(final String text) {
    if (text == null || identifiers.isEmpty()) {
      return text;
    }
    return pattern().matcher(text).replaceAll(Matcher.quoteReplacement(ERASED));
  }

  /** SQL LIKE patterns, one per identifier, to find rows that may mention the person (case-insensitive collations). */
  public List<String> likePatterns() {
    return identifiers.stream().map(i -> "%" + i.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%").toList();
  }

  private Pattern pattern() {
    final String alternatives = String.join("|", identifiers.stream().map(i -> "(?<![\\p{L}\\p{N}])" + Pattern.quote(i) + "(?![\\p{L}\\p{N}])").toList());
    return Pattern.compile(alternatives, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  @Override
  public String toString() {
    return "ErasedPerson[" + leadId + ", " + identifiers.size() + " identifiers]"; // never the identifiers: logs keep no personal data
  }
}
