package com.leadjourney.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journey events that matter outside, by the timeline line that records each: CloudEvents type
 * {@code com.leadjourney.<name>}. One schema per type lives in {@code event-schemas/}.
 */
public final class EventTypes {

  public static final String PREFIX = "com.leadjourney.";

  /** Timeline type → event name. */
  private static final Map<String, String> BY_TIMELINE = new LinkedHashMap<>();

  static {
    BY_TIMELINE.put("LEAD_ACCEPTED", "lead.created");
    BY_TIMELINE.put("CONTACT_MERGED", "lead.merged");
    BY_TIMELINE.put("CONTACT_REJECTED", "lead.rejected");
    BY_TIMELINE.put("STAGE_ENTERED", "lead.stage-entered");
    BY_TIMELINE.put("QUALIFIED", "lead.qualified");
    BY_TIMELINE.put("ROUTED", "lead.routed");
    BY_TIMELINE.put("TOUCH_LOGGED", "lead.touched");
    BY_TIMELINE.put("SLA_MET", "sla.met");
    BY_TIMELINE.put("SLA_REMINDED", "sla.reminded");
    BY_TIMELINE.put("SLA_ESCALATED", "sla.escalated");
    BY_TIMELINE.put("SLA_REASSIGNED", "sla.reassigned");
    BY_TIMELINE.put("TASK_COMPLETED", "task.completed");
    BY_TIMELINE.put("FEEDBACK_RECORDED", "feedback.recorded");
    BY_TIMELINE.put("OPPORTUNITY_OPENED", "opportunity.opened");
    BY_TIMELINE.put("OPPORTUNITY_UPDATED", "opportunity.updated");
    BY_TIMELINE.put("CONVERTED", "lead.customer");
    BY_TIMELINE.put("OPTED_OUT", "lead.opted-out");
    BY_TIMELINE.put("LEAD_ERASED", "lead.erased");
    BY_TIMELINE.put("JOURNEY_CLOSED", "journey.closed");
  }

  private EventTypes() {}

  /** The full CloudEvents type of a timeline line, or null for lines that stay inside (rebuilds, claims, plans). */
  public static String ofTimeline(final String timelineType) {
    final String name = BY_TIMELINE.get(timelineType);
    return name == null ? null : PREFIX + name;
  }

  /** Every outbound type, full names. */
  public static List<String> all() {
    return BY_TIMELINE.values().stream().map(n -> PREFIX + n).toList();
  }
}
