package com.leadjourney.contactintake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.leadjourney.lead.BuyerProfile;
import com.leadjourney.lead.Contact;
import jakarta.validation.Valid;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A lead as forms, webhooks and other systems send it to {@code POST /api/leads}. */
public record LeadRequest(
    @NotBlank(message = "is required") @Email(
            // Hibernate's check alone lets "{x=a@b.com}" through (domain "b.com}"): the domain must be dotted labels too.
            regexp = "[^@\\s]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+",
            message = "must be a valid email address") @Size(max = 254)
        String email,
    @Size(max = 100) String firstName,
    @Size(max = 100) String lastName,
    @Size(max = 200) String company,
    @Size(max = 200) String title,
    @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE or US")
        String country,
    @Pattern(
            regexp = "[A-Za-z0-9_-]{1,40}",
            message = "must be 1-40 letters, digits, '-' or '_' (e.g. web-form, webinar, import)")
        String source,
    @Size(max = 200) String campaign,
    @NotNull(message = "is required: true when the contact agreed to be contacted") Boolean consent,
    @Size(max = 50, message = "may hold at most 50 fields") Map<String, Object> customFields,
    @Valid BuyerProfile profile,
    // Last and left out when absent: requests without it fingerprint as they did before it existed.
    @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()./-]{3,40}", message = "must be a phone number such as +49 30 1234567")
        String phone) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Forms and CRM exports pad values with spaces; nobody means them. */
  public LeadRequest {
    email = email == null ? null : email.strip();
  }

  public Contact toContact() {
    return new Contact(
        email == null ? null : email.trim().toLowerCase(Locale.ROOT), // null only for history a CRM export keyed on its record id
        firstName,
        lastName,
        company,
        title,
        country == null ? null : country.toUpperCase(Locale.ROOT),
        source == null ? "api" : source.toLowerCase(Locale.ROOT),
        campaign,
        consent,
        customFieldsJson(),
        profile,
        phone == null || phone.isBlank() ? null : phone.strip());
  }

  private String customFieldsJson() {
    if (customFields == null || customFields.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(new TreeMap<>(customFields));
    } catch (final JsonProcessingException e) {
      throw new IllegalArgumentException("customFields cannot be stored as JSON", e);
    }
  }
}
