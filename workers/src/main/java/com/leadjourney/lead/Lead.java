package com.leadjourney.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A contact walking through the journey. MySQL holds it; the engine only orchestrates it. */
@Entity
@Table(name = "leads")
public class Lead {

  /** Stage of a lead accepted into MySQL whose journey the engine has not yet started. */
  public static final String STAGE_NEW = "new";

  public enum JourneyState {
    OPEN,
    ENDED
  }

  @Id private String id;
  private String email;
  private String firstName;
  private String lastName;
  private String company;
  private String title;
  private String country;
  private String source;
  private String campaign;
  private boolean consent;

  @Column(columnDefinition = "TEXT")
  private String customFields;

  private String stage;

  @Enumerated(EnumType.STRING)
  private JourneyState journeyState;

  /** Element a rebuilt journey restarts at: the last step that recorded progress (idempotent). */
  private String resumeElement;

  private Long processInstanceKey;
  private String idempotencyKey;
  private String requestFingerprint;
  private Instant createdAt;
  private Instant updatedAt;
  @Version private long version;

  protected Lead() {}

  public Lead(
      final Contact contact,
      final String idempotencyKey,
      final String requestFingerprint,
      final Instant now) {
    id = UUID.randomUUID().toString();
    email = contact.email();
    firstName = contact.firstName();
    lastName = contact.lastName();
    company = contact.company();
    title = contact.title();
    country = contact.country();
    source = contact.source();
    campaign = contact.campaign();
    consent = contact.consent();
    customFields = contact.customFieldsJson();
    stage = STAGE_NEW;
    journeyState = JourneyState.OPEN;
    this.idempotencyKey = idempotencyKey;
    this.requestFingerprint = requestFingerprint;
    createdAt = now;
    updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getCompany() {
    return company;
  }

  public String getTitle() {
    return title;
  }

  public String getCountry() {
    return country;
  }

  public String getSource() {
    return source;
  }

  public String getCampaign() {
    return campaign;
  }

  public boolean isConsent() {
    return consent;
  }

  public String getCustomFields() {
    return customFields;
  }

  public String getStage() {
    return stage;
  }

  public JourneyState getJourneyState() {
    return journeyState;
  }

  public String getResumeElement() {
    return resumeElement;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public String getRequestFingerprint() {
    return requestFingerprint;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
