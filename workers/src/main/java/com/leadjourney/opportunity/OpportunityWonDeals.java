package com.leadjourney.opportunity;

import com.leadjourney.account.WonDeals;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The won deals the customer stage converts and attributes, read from this stage's opportunities. */
@Component
class OpportunityWonDeals implements WonDeals {

  private final Opportunities opportunities;

  OpportunityWonDeals(final Opportunities opportunities) {
    this.opportunities = opportunities;
  }

  @Override
  public Optional<WonDeal> of(final String leadId) {
    return opportunities.ofLead(leadId).stream()
        .filter(o -> "closed-won".equals(o.stage()))
        .findFirst()
        .map(o -> new WonDeal(o.id(), o.accountId(), o.amount(), o.openedAt(), o.closedAt(),
            o.contactRoles().stream().filter(OpportunityUpdate.ContactRole::confirmed).map(OpportunityUpdate.ContactRole::leadId).toList()));
  }
}
