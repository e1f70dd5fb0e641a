package com.leadjourney.opportunity;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the opportunity page reads beside the deal itself: its lead, the account's contacts, the changes asked for. */
@Component
class OpportunitySheet {

  private final JdbcTemplate jdbc;

  OpportunitySheet(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Object> leadOf(final Opportunities.View deal) {
    return jdbc.queryForMap("select id, email, company from leads where id = ?", deal.leadId());
  }

  /** The deal's own lead and those already on it first; a large account's first 200 contacts after them. */
  List<Map<String, Object>> contactsOf(final Opportunities.View deal) {
    return deal.accountId() == null
        ? jdbc.queryForList("select id, email, title from leads where id = ?", deal.leadId())
        : jdbc.queryForList(
            """
            select id, email, title from leads where account_id = ?
            order by (id = ?) desc, (id in (select lead_id from opportunity_contact_role where opportunity_id = ?)) desc, created_at
            limit 200""",
            deal.accountId(), deal.leadId(), deal.id());
  }

  /** Every change asked for, newest first, applied or still waiting for the process. */
  List<Map<String, Object>> updatesOf(final String opportunityId) {
    return jdbc.queryForList(
        """
        select stage, amount, close_date, reason, contact_roles, requested_by, requested_at, applied_at
        from opportunity_update where opportunity_id = ? order by requested_at desc""", opportunityId);
  }
}
