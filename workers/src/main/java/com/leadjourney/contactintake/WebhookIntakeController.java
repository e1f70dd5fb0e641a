package com.leadjourney.contactintake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.platform.BodyTooLargeException;
import com.leadjourney.platform.BoundedBody;
import com.leadjourney.platform.HmacSignature;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/webhooks/{source}}: forms and tools deliver leads signed with their source's
 * secret ({@code X-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of "t.deliveryId.body">}) under a
 * delivery id ({@code X-Delivery-Id}); a delivery sent again brings the same lead, not a second one.
 * Nothing is read before the source and the signature's form and age are checked, and no more than
 * the size limit is ever read: an unknown source, a missing or stale signature (a delivery captured
 * and replayed later) or a wrong one is 401, an oversized body 413.
 */
@RestController
class WebhookIntakeController {

  /** Senders sign with their wall clock, not the journey's (which tests and demos move). */
  private static final Clock SENDERS_CLOCK = Clock.systemUTC();

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
      @PathVariable final String source, final HttpServletRequest request,
      @RequestHeader(name = "X-Signature", required = false) final String signature,
      @RequestHeader(name = "X-Delivery-Id", required = false) final String deliveryId) throws IOException {
    final String secret = properties.secrets().get(source);
    final var signed = HmacSignature.parse(signature);
    if (secret == null || signed.isEmpty()) {
      throw unauthorized("Unknown source or no signature: sign with the source's secret, "
          + "X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.deliveryId.body\">");
    }
    if (!signed.get().isFresh(SENDERS_CLOCK.instant())) {
      throw unauthorized("The delivery was signed at " + signed.get().at() + ", more than " + HmacSignature.TOLERANCE.toMinutes()
          + " minutes from now: sign each delivery when you send it (a replayed delivery is refused)");
    }
    if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 100) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "X-Delivery-Id is required (1-100 characters): a resent delivery must carry the same id");
    }
    final long limit = properties.maxBodySize().toBytes();
    if (request.getContentLengthLong() > limit) {
      throw new BodyTooLargeException(limit);
    }
    final byte[] body = BoundedBody.read(request.getInputStream(), limit);
    if (!HmacSignature.matches(signed.get(), secret, deliveryId, body)) {
      throw unauthorized("Bad signature: sign \"t.deliveryId.body\" with the source's secret");
    }
    final LeadRequest lead = lead(body, source);
    return LeadController.accepted(intake.accept(lead, "webhook:" + source + ":" + deliveryId));
  }

  private static ResponseStatusException unauthorized(final String detail) {
    return new ResponseStatusException(HttpStatus.UNAUTHORIZED, detail);
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
        parsed.consent(), parsed.customFields(), parsed.profile(), parsed.phone());
    final var violations = validator.validate(lead);
    if (!violations.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, violations.stream()
          .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
    }
    return lead;
  }
}
