package com.leadjourney.sla;

import com.leadjourney.lead.JourneyEvent;

/** What an SLA timer firing means, as told on the timeline, in notifications and in the metrics. */
enum SlaEvent {
  REMINDED("reminded", JourneyEvent.Type.SLA_REMINDED),
  ESCALATED("escalated", JourneyEvent.Type.SLA_ESCALATED),
  REASSIGNED("reassigned", JourneyEvent.Type.SLA_REASSIGNED),
  STALLED("stalled", JourneyEvent.Type.SLA_STALLED);

  final String id;
  final JourneyEvent.Type timelineType;

  SlaEvent(final String id, final JourneyEvent.Type timelineType) {
    this.id = id;
    this.timelineType = timelineType;
  }

  /** The notification's subject: what happened to whose lead. */
  String subject(final String email, final String owner) {
    if (owner == null && this != STALLED) { // nobody holds it: it waits in the team queue
      return switch (this) {
        case REMINDED -> "Reminder: " + email + " waits in your team's queue for a first touch";
        case ESCALATED -> "Escalated: nobody has taken " + email + " from the team queue by the deadline";
        default -> "Reassigned: " + email + " was routed again from the team queue";
      };
    }
    return switch (this) {
      case REMINDED -> "Reminder: " + email + " is waiting for your first touch";
      case ESCALATED -> "Escalated: " + owner + " has not touched " + email + " by the deadline";
      case REASSIGNED -> "Reassigned: " + email + " was taken from " + owner + " and routed again";
      case STALLED -> "Stalled: the opportunity of " + email + " has not moved";
    };
  }
}
