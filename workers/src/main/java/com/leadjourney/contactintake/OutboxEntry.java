package com.leadjourney.contactintake;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A journey start the engine has not yet confirmed. Written in the same transaction as its lead. */
@Entity
@Table(name = "journey_outbox")
public class OutboxEntry {

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String leadId;
  private Instant createdAt;
  private Instant nextAttemptAt;
  private int attempts;
  private String lastError;
  private Instant dispatchedAt;

  protected OutboxEntry() {}

  OutboxEntry(final String leadId, final Instant now) {
    this.leadId = leadId;
    createdAt = now;
    nextAttemptAt = now;
  }

  void dispatched(final Instant now) {
    dispatchedAt = now;
    lastError = null;
  }

  /** Exponential backoff capped at {@link #MAX_BACKOFF}: an engine back up is used quickly. */
  void failed(final String error, final Instant now) {
    attempts++;
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
    final long backoffMillis = Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(attempts, 10));
    nextAttemptAt = now.plusMillis(backoffMillis);
  }

  public String getLeadId() {
    return leadId;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getDispatchedAt() {
    return dispatchedAt;
  }
}
