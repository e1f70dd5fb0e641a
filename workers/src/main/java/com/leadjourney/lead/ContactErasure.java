package com.leadjourney.lead;

import com.leadjourney.database.ScrubbedText;
import com.leadjourney.platform.ErasedPerson;
import com.leadjourney.platform.ErasesPersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lead's own rows on erasure: the contact's identifying fields are cleared (what aggregates
 * count stays: source, campaign, stage reached, result, profile codes, company), the timeline's
 * text is scrubbed, its clocks go; an open journey ends as {@code erased}.
 */
@Component
@Order(100) // after the other packages: they may still read the lead's row in the same transaction
public class ContactErasure implements ErasesPersonalData {

  /** A lead that belongs to the contact being erased, with what identifies the person. */
  public record ErasedContact(String leadId, ErasedPerson person, String stage) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ContactErasure(final JdbcTemplate jdbc, final Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The lead and every other lead of the same person: those merged into it and those with its
   * email (a second form fill is the same person). Empty when there is no such lead.
   */
  public List<ErasedContact> sameContact(final String leadId) {
    return leadsOfSameContact(leadId).stream().map(this::withFormerValues).toList();
  }

  /** With the values merges replaced: "last name: Old → New" still names the person in older text. */
  private ErasedContact withFormerValues(final ErasedContact contact) {
    final List<String> former = jdbc.queryForList("select detail from journey_event where lead_id = ? and type = 'CONTACT_MERGED'", String.class,
        contact.leadId()).stream().flatMap(detail -> ContactMerge.formerIdentifiers(detail).stream()).toList();
    final var identifiers = java.util.stream.Stream.concat(contact.person().identifiers().stream(), former.stream()).toList();
    return new ErasedContact(contact.leadId(), new ErasedPerson(contact.leadId(), identifiers), contact.stage());
  }

  private List<ErasedContact> leadsOfSameContact(final String leadId) {
    return jdbc.query(
        """
        select l.id, l.email, l.first_name, l.last_name, l.phone, l.external_id, l.stage
        from leads l join leads target on target.id = ?
        where l.id = target.id or l.merged_into = target.id or target.merged_into = l.id or (target.email is not null and l.email = target.email)
        order by l.id = target.id desc, l.created_at""",
        (row, i) -> new ErasedContact(
            row.getString("id"),
            ErasedPerson.of(row.getString("id"), row.getString("email"), row.getString("first_name"), row.getString("last_name"),
                row.getString("phone"), row.getString("external_id")),
            row.getString("stage")),
        leadId);
  }

  /** The journeys the erasure of these leads ends: those that were open when it began. */
  public List<Long> sameContactKeys(final List<String> leadIds) {
    return leadIds.stream()
        .flatMap(id -> jdbc.queryForList(
            "select process_instance_key from leads where id = ? and journey_result = 'erased' and process_instance_key is not null",
            Long.class, id).stream())
        .toList();
  }

  @Override
  public void erase(final ErasedPerson person) {
    final var now = Timestamp.from(clock.instant());
    // A merge's line lists the fields it changed with their old values: identifiers the row no longer has.
    jdbc.update("update journey_event set detail = regexp_replace(detail, '; updated .*$', '; updated contact details (erased)') where lead_id = ? and type = 'CONTACT_MERGED'",
        person.leadId());
    ScrubbedText.ofLead(jdbc, "journey_event", "id", "detail", "lead_id", person);
    jdbc.update("delete from journey_clock where lead_id = ?", person.leadId());
    // In this order: MySQL assigns left to right, so the result is set while the state still says OPEN.
    jdbc.update(
        """
        update leads set email = null, first_name = null, last_name = null, title = null, phone = null, external_id = null,
          custom_fields = null, idempotency_key = null, request_fingerprint = null, consent = false,
          journey_result = case when journey_state = 'OPEN' then 'erased' else journey_result end,
          ended_at = coalesce(ended_at, ?), journey_state = 'ENDED', erased_at = coalesce(erased_at, ?), updated_at = ?, version = version + 1
        where id = ?""",
        now, now, now, person.leadId());
  }
}
