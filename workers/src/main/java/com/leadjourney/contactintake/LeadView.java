package com.leadjourney.contactintake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.leadjourney.lead.BuyerProfile;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Lead;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/leads/{id}}: who the lead is, where it stands, and how it got there. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LeadView(
    String id,
    String email,
    String firstName,
    String lastName,
    String company,
    String title,
    String phone,
    String country,
    String source,
    String campaign,
    boolean consent,
    BuyerProfile profile,
    String accountId,
    String stage,
    Journey journey,
    Instant createdAt,
    List<TimelineEntry> timeline) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Journey(String state, Long processInstanceKey, int stageVisit, String result, String mergedInto, Instant endedAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TimelineEntry(String type, String stage, String element, String detail, Instant at) {
    static TimelineEntry of(final JourneyEvent event) {
      return new TimelineEntry(
          event.getType().name(), event.getStage(), event.getElementId(), event.getDetail(), event.getOccurredAt());
    }
  }

  static LeadView of(final Lead lead, final List<JourneyEvent> events) {
    return new LeadView(
        lead.getId(),
        lead.getEmail(),
        lead.getFirstName(),
        lead.getLastName(),
        lead.getCompany(),
        lead.getTitle(),
        lead.getPhone(),
        lead.getCountry(),
        lead.getSource(),
        lead.getCampaign(),
        lead.isConsent(),
        lead.getProfile(),
        lead.getAccountId(),
        lead.getStage(),
        new Journey(
            lead.getJourneyState().name(), lead.getProcessInstanceKey(), lead.getStageVisit(), lead.getJourneyResult(),
            lead.getMergedInto(), lead.getEndedAt()),
        lead.getCreatedAt(),
        events.stream().map(TimelineEntry::of).toList());
  }
}
