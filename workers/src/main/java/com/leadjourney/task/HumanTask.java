package com.leadjourney.task;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Camunda user task in someone's inbox: the XDR's "Work the lead", the AE's "Accept or reject". */
@Entity
@Table(name = "human_task")
public class HumanTask {

  public enum State {
    OPEN,
    COMPLETED,
    CANCELED
  }

  @Id private Long userTaskKey;
  private String leadId;
  private long processInstanceKey;
  private String processId;
  private String elementId;
  private int visit;
  private String candidateGroups;
  private String assignee;
  private String claimedBy;
  private Instant dueAt;
  private Instant firstTouchAt;

  @Enumerated(EnumType.STRING)
  private State state;

  private String outcome;
  private String reason;
  private String objections;
  private Instant createdAt;
  private Instant closedAt;

  protected HumanTask() {}

  public HumanTask(
      final long userTaskKey,
      final String leadId,
      final long processInstanceKey,
      final String processId,
      final String elementId,
      final int visit,
      final String candidateGroups,
      final String assignee,
      final Instant dueAt,
      final Instant createdAt) {
    this.userTaskKey = userTaskKey;
    this.leadId = leadId;
    this.processInstanceKey = processInstanceKey;
    this.processId = processId;
    this.elementId = elementId;
    this.visit = visit;
    this.candidateGroups = candidateGroups;
    this.assignee = assignee;
    this.dueAt = dueAt;
    this.createdAt = createdAt;
    state = State.OPEN;
  }

  void assigned(final String assignee) {
    this.assignee = assignee;
  }

  void claimed(final String user) {
    assignee = user;
    claimedBy = user;
  }

  void touched(final Instant at) {
    if (firstTouchAt == null) {
      firstTouchAt = at;
    }
  }

  /** The same task, recreated by a rebuilt journey: it keeps what happened to it. */
  void carryOver(final HumanTask earlier) {
    firstTouchAt = earlier.firstTouchAt;
    claimedBy = earlier.claimedBy;
  }

  void completed(final String outcome, final String reason, final String objections, final Instant at) {
    state = State.COMPLETED;
    this.outcome = outcome;
    this.reason = reason;
    this.objections = objections;
    closedAt = at;
  }

  /** Kept before the engine hears of the completion: the feedback recorded right after reads them here. */
  void noteObjections(final String objections) {
    this.objections = objections;
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

  public String getProcessId() {
    return processId;
  }

  public String getElementId() {
    return elementId;
  }

  public int getVisit() {
    return visit;
  }

  public String getCandidateGroups() {
    return candidateGroups;
  }

  public String getAssignee() {
    return assignee;
  }

  public String getClaimedBy() {
    return claimedBy;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getFirstTouchAt() {
    return firstTouchAt;
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

  public String getObjections() {
    return objections;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
