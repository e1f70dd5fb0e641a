package com.leadjourney.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.platform.HmacSignature;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/webhooks/{source}}: forms and tools deliver leads signed with their source's
 * secret ({@code X-Signature: sha256=<HMAC-SHA256 of the body>}) and a delivery id
 * ({@code X-Delivery-Id}); a delivery sent again brings the same lead, not a second one. An unknown
 * source or a wrong signature is 401 before anything is read or stored.
 */
@RestController
class WebhookIntakeController {

  private final IdempotentIntake intake;
  private final WebhookProperties properties;
  private final ObjectMapper json;
  private final Validator validator;

  WebhookIntakeController(final IdempotentIntake intake, final WebhookProperties properties, final ObjectMapper json, final Validator validator) {
    this.intake = intake;
    this.properties = properties;
    this.json = json;
    this.validator = validator;
  }

  @PostMapping(value = "/api/webhooks/{source}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> receive(
      @PathVariable final String source, @RequestBody final byte[] body,
      @RequestHeader(name = "X-Signature", required = false) final String signature,
      @RequestHeader(name = "X-Delivery-Id", required = false) final String deliveryId) {
    final String secret = properties.secrets().get(source);
    if (secret == null || !HmacSignature.matches(signature, secret, body)) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED,
          "Unknown source or bad signature: sign the body with the source's secret, X-Signature: sha256=<hex HMAC-SHA256>");
    }
    if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 100) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "X-Delivery-Id is required (1-100 characters): a resent delivery must carry the same id");
    }
    final LeadRequest lead = lead(body, source);
    return LeadController.accepted(intake.accept(lead, "webhook:" + source + ":" + deliveryId));
  }

  /** The body as a lead, checked by the same rules as {@code POST /api/leads}; the source defaults to the webhook's. */
  private LeadRequest lead(final byte[] body, final String source) {
    final LeadRequest parsed;
    try {
      parsed = json.readValue(body, LeadRequest.class);
    } catch (final IOException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The body is not a lead (JSON like POST /api/leads)", e);
    }
    final LeadRequest lead = parsed.source() != null ? parsed : new LeadRequest(
        parsed.email(), parsed.firstName(), parsed.lastName(), parsed.company(), parsed.title(), parsed.country(), source, parsed.campaign(),
        parsed.consent(), parsed.customFields(), parsed.profile());
    final var violations = validator.validate(lead);
    if (!violations.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, violations.stream()
          .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
    }
    return lead;
  }
}
