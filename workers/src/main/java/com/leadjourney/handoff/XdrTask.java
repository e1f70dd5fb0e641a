package com.leadjourney.handoff;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Camunda user task in an XDR's inbox. */
@Entity
@Table(name = "xdr_task")
public class XdrTask {

  public enum State {
    OPEN,
    COMPLETED,
    CANCELED
  }

  @Id private Long userTaskKey;
  private String leadId;
  private long processInstanceKey;
  private String elementId;
  private String candidateGroups;
  private String assignee;
  private Instant dueAt;

  @Enumerated(EnumType.STRING)
  private State state;

  private String outcome;
  private String reason;
  private String objections;
  private Instant createdAt;
  private Instant closedAt;

  protected XdrTask() {}

  XdrTask(
      final long userTaskKey,
      final String leadId,
      final long processInstanceKey,
      final String elementId,
      final String candidateGroups,
      final String assignee,
      final Instant dueAt,
      final Instant createdAt) {
    this.userTaskKey = userTaskKey;
    this.leadId = leadId;
    this.processInstanceKey = processInstanceKey;
    this.elementId = elementId;
    this.candidateGroups = candidateGroups;
    this.assignee = assignee;
    this.dueAt = dueAt;
    this.createdAt = createdAt;
    state = State.OPEN;
  }

  void completed(final Outcome outcome, final String reason, final String objections, final Instant at) {
    state = State.COMPLETED;
    this.outcome = outcome.code();
    this.reason = reason;
    this.objections = objections;
    closedAt = at;
  }

  void canceled(final Instant at) {
    state = State.CANCELED;
    closedAt = at;
  }

  public Long getUserTaskKey() {
    return userTaskKey;
  }

  public String getLeadId() {
    return leadId;
  }

  public long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public String getElementId() {
    return elementId;
  }

  public String getCandidateGroups() {
    return candidateGroups;
  }

  public String getAssignee() {
    return assignee;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public State getState() {
    return state;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getReason() {
    return reason;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
