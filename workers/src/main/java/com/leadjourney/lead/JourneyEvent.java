package com.leadjourney.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a lead's timeline. */
@Entity
@Table(name = "journey_event")
@jakarta.persistence.EntityListeners(JourneyEventOutbound.class)
public class JourneyEvent {

  public enum Type {
    LEAD_ACCEPTED,
    JOURNEY_STARTED,
    JOURNEY_REBUILT,
    STAGE_ENTERED,
    ROUTED,
    TASK_OPENED,
    TASK_COMPLETED,
    TASK_CANCELED,
    SLA_REMINDED,
    SLA_ESCALATED,
    SLA_REASSIGNED,
    SLA_STALLED,
    SLA_STARTED,
    SLA_MET,
    ROUTING_ALERT,
    CONTACT_REJECTED,
    CONTACT_MERGED,
    ACCOUNT_MATCHED,
    ENGAGED,
    QUALIFIED,
    NURTURE_PLANNED,
    NURTURE_TOUCH_SENT,
    NURTURE_STEERED,
    RESCORED,
    REENGAGED,
    OPTED_OUT,
    LEAD_ERASED,
    TASK_CLAIMED,
    TOUCH_LOGGED,
    FEEDBACK_RECORDED,
    OPPORTUNITY_OPENED,
    OPPORTUNITY_UPDATED,
    REVENUE_ATTRIBUTED,
    CONVERTED,
    JOURNEY_CLOSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String leadId;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Type type;

  private String stage;
  private String elementId;
  private String detail;
  private Instant occurredAt;

  /** Same key, same effect: a redelivered job or a rebuilt journey writes nothing new. */
  private String dedupeKey;

  protected JourneyEvent() {}

  public JourneyEvent(
      final String leadId,
      final Type type,
      final String stage,
      final String elementId,
      final String detail,
      final Instant occurredAt,
      final String dedupeKey) {
    this.leadId = leadId;
    this.type = type;
    this.stage = stage;
    this.elementId = elementId;
    this.detail = detail;
    this.occurredAt = occurredAt;
    this.dedupeKey = dedupeKey;
  }

  public String getLeadId() {
    return leadId;
  }

  public String getDedupeKey() {
    return dedupeKey;
  }

  public Type getType() {
    return type;
  }

  public String getStage() {
    return stage;
  }

  public String getElementId() {
    return elementId;
  }

  public String getDetail() {
    return detail;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}
