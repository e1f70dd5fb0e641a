package com.leadjourney.lead;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Writes the lead's timeline: each line once per dedupe key, in the caller's transaction. */
@Service
public class Timeline {

  private final JourneyEventRepository events;
  private final Clock clock;

  Timeline(final JourneyEventRepository events, final Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** True when the line is new; false when a redelivered job or a rebuilt journey wrote it before. */
  public boolean record(
      final String leadId, final JourneyEvent.Type type, final String stage, final String detail, final String dedupeKey) {
    return recordAt(leadId, type, stage, null, detail, dedupeKey);
  }

  public boolean recordAt(
      final String leadId,
      final JourneyEvent.Type type,
      final String stage,
      final String elementId,
      final String detail,
      final String dedupeKey) {
    return recordAt(leadId, type, stage, elementId, detail, dedupeKey, clock.instant());
  }

  /** A line for something that happened at {@code occurredAt}, e.g. a person's decision made before the engine took it. */
  public boolean recordAt(
      final String leadId,
      final JourneyEvent.Type type,
      final String stage,
      final String elementId,
      final String detail,
      final String dedupeKey,
      final Instant occurredAt) {
    return events.recordOnce(new JourneyEvent(leadId, type, stage, elementId, abbreviate(detail), occurredAt, dedupeKey));
  }

  /** See {@link JourneyEventRepository#visitOf}. */
  public int visitOf(final String leadId, final String stage) {
    return events.visitOf(leadId, stage);
  }

  /**
   * When the lead's current wait for a human began: its intake, or — for a lead that came back
   * from nurture — the moment it re-engaged. Speed-to-lead counts from here, not from a first form
   * fill months ago.
   */
  public Instant awaitingSince(final Lead lead, final Instant at) {
    return events.findFirstByLeadIdAndTypeAndOccurredAtLessThanEqualOrderByOccurredAtDesc(lead.getId(), JourneyEvent.Type.REENGAGED, at)
        .map(JourneyEvent::getOccurredAt)
        .orElse(lead.getCreatedAt());
  }

  private static String abbreviate(final String detail) {
    return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
  }
}
