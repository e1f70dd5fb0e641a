package com.leadjourney.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
  private String phone;
  private String country;
  private String source;
  private String campaign;
  private boolean consent;

  @Column(columnDefinition = "TEXT")
  private String customFields;

  @Embedded private BuyerProfile profile;

  private String accountId;
  private String stage;

  /** How many stage entries so far: side effects of a stage are keyed by it, so a loop is new work. */
  private int stageVisit;

  private String nurtureTrack;
  private String journeyResult;
  private String mergedInto;
  private Instant endedAt;
  private Instant erasedAt;

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
    phone = contact.phone();
    country = contact.country();
    source = contact.source();
    campaign = contact.campaign();
    consent = contact.consent();
    customFields = contact.customFieldsJson();
    profile = contact.profile() == null ? null : contact.profile().normalised();
    stage = STAGE_NEW;
    journeyState = JourneyState.OPEN;
    this.idempotencyKey = idempotencyKey;
    this.requestFingerprint = requestFingerprint;
    createdAt = now;
    updatedAt = now;
  }

  /** Moves the lead into a stage; a stage re-entered without leaving it (rebuild) is the same visit. */
  public int enterStage(final String newStage, final String resumeAt, final Instant now) {
    if (!newStage.equals(stage)) {
      stage = newStage;
      stageVisit++;
    }
    resumeElement = resumeAt;
    updatedAt = now;
    return stageVisit;
  }

  public void normalise(final String firstName, final String lastName, final String company, final Instant now) {
    this.firstName = firstName;
    this.lastName = lastName;
    this.company = company;
    updatedAt = now;
  }

  public void linkAccount(final String accountId, final Instant now) {
    this.accountId = accountId;
    updatedAt = now;
  }

  public void mergeInto(final String survivorId, final Instant now) {
    mergedInto = survivorId;
    updatedAt = now;
  }

  public void followTrack(final String track, final Instant now) {
    nurtureTrack = track;
    updatedAt = now;
  }

  public void optOut(final Instant now) {
    consent = false;
    updatedAt = now;
  }

  /** The journey is over; the lead stays, with its result. */
  public void close(final String result, final Instant now) {
    journeyState = JourneyState.ENDED;
    journeyResult = result;
    endedAt = now;
    updatedAt = now;
  }

  public BuyerProfile getProfile() {
    return profile == null ? BuyerProfile.UNKNOWN : profile;
  }

  public String getAccountId() {
    return accountId;
  }

  public int getStageVisit() {
    return stageVisit;
  }

  /** The nurture track a lead without one follows. */
  public static final String DEFAULT_NURTURE_TRACK = "education";

  /** The lead's nurture track, the default one when none was chosen. */
  public String nurtureTrackOrDefault() {
    return nurtureTrack == null ? DEFAULT_NURTURE_TRACK : nurtureTrack;
  }

  public String getNurtureTrack() {
    return nurtureTrack;
  }

  public String getJourneyResult() {
    return journeyResult;
  }

  public String getMergedInto() {
    return mergedInto;
  }

  /** When the contact was erased (GDPR Art. 17); null while it was not. */
  public Instant getErasedAt() {
    return erasedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
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

  /** "Ada Lovelace", else the email: what a person calls the lead on every page. */
  public String displayName() {
    return erasedAt != null ? "(erased contact)" : displayName(firstName, lastName, email);
  }

  public static String displayName(final String firstName, final String lastName, final String email) {
    final String name = ((firstName == null ? "" : firstName.strip()) + " " + (lastName == null ? "" : lastName.strip())).strip();
    // History imported from a CRM keyed on its record id may have neither.
    return !name.isEmpty() ? name : email != null ? email : "(no name or email)";
  }

  public String getPhone() {
    return phone;
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

  /**
   * The agreed fields plus the lead's custom fields (under {@code customFields}): what the
   * qualification definition decides on.
   */
  public java.util.Map<String, Object> decisionInputs() {
    final var inputs = getProfile().asVariables();
    inputs.put("customFields", customFieldsMap(customFields));
    return inputs;
  }

  // One mapper for all leads: a replay reads the custom fields of every lead it judges.
  private static final com.fasterxml.jackson.databind.ObjectMapper CUSTOM_FIELDS_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /** Custom fields as stored (a JSON object), or empty. */
  public static java.util.Map<String, Object> customFieldsMap(final String json) {
    if (json == null || json.isBlank()) {
      return new java.util.HashMap<>();
    }
    try {
      return CUSTOM_FIELDS_JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<>() {});
    } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Stored custom fields are not JSON", e);
    }
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
