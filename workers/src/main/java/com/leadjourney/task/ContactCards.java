package com.leadjourney.task;

import com.ibm.icu.util.TimeZone;
import com.leadjourney.account.Accounts;
import com.leadjourney.definition.QualificationDecisions;
import com.leadjourney.lead.BuyerProfile;
import com.leadjourney.lead.Lead;
import com.leadjourney.lead.LeadRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds a lead's {@link ContactCard} from the tables that own each part. */
@Service
public class ContactCards {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private final LeadRepository leads;
  private final Accounts accounts;
  private final QualificationDecisions decisions;
  private final TouchLog touches;
  private final Clock clock;

  ContactCards(
      final LeadRepository leads, final Accounts accounts, final QualificationDecisions decisions, final TouchLog touches, final Clock clock) {
    this.leads = leads;
    this.accounts = accounts;
    this.decisions = decisions;
    this.touches = touches;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<ContactCard> of(final String leadId) {
    return leads.findById(leadId).map(this::card);
  }

  private ContactCard card(final Lead lead) {
    final Map<String, Object> account = lead.getAccountId() == null ? Map.of() : accounts.summary(lead.getAccountId());
    final BuyerProfile profile = lead.getProfile() == null ? BuyerProfile.UNKNOWN : lead.getProfile();
    final List<ContactCard.Colleague> colleagues = lead.getAccountId() == null ? List.of()
        : accounts.colleaguesOf(lead.getAccountId(), lead.getId()).stream()
            .map(c -> new ContactCard.Colleague((String) c.get("id"), (String) c.get("email"), (String) c.get("title"), (String) c.get("stage")))
            .toList();
    return new ContactCard(
        lead.getId(), lead.displayName(), lead.getTitle(), lead.getEmail(), lead.getPhone(), lead.getCompany(), profile.companySize(),
        QualificationInWords.words(profile.industry()), (String) account.get("name"), (String) account.get("owner"), lead.getCountry(),
        localTime(lead.getCountry()), lead.getSource(), lead.getCampaign(), lead.getStage(), lead.getCreatedAt(),
        QualificationInWords.of(lead, profile, decisions.tracesOf(lead.getId()), clock.instant()), touches.ofLead(lead.getId()), colleagues);
  }


  /**
   * The time where the contact is: one zone for most countries; several (the US, Australia) are
   * named as a range, since calling at 8:00 on one coast is 5:00 on the other.
   */
  private String localTime(final String country) {
    if (country == null) {
      return null;
    }
    final String[] zones = TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, country, null).stream()
        .filter(ZoneId.getAvailableZoneIds()::contains).sorted().toArray(String[]::new);
    if (zones.length == 0) {
      return null;
    }
    final Instant now = clock.instant();
    final List<String> times = java.util.Arrays.stream(zones).map(z -> CLOCK.format(now.atZone(ZoneId.of(z)))).distinct().sorted().toList();
    return times.size() == 1
        ? times.get(0) + " local time (" + zones[0] + ")"
        : times.get(0) + "–" + times.get(times.size() - 1) + " local time (" + zones.length + " time zones)";
  }
}
