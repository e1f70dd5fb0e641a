package com.leadjourney.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A lead's won deal, as the customer stage needs it. The opportunity stage owns the deal and
 * implements this, so the customer stage reads it without knowing the opportunity stage.
 */
public interface WonDeals {

  /** A closed-won opportunity; credit flows only to the contacts sales confirmed on it. */
  record WonDeal(String opportunityId, String accountId, BigDecimal amount, Instant openedAt, Instant closedAt, List<String> confirmedContacts) {}

  /** The lead's won opportunity, if it has one. */
  Optional<WonDeal> of(String leadId);
}
