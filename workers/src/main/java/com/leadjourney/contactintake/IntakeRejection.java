package com.leadjourney.contactintake;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import java.util.Map;

/**
 * A business outcome of contact intake that ends the journey: the BPMN error its boundary event
 * catches, carrying intakeOutcome and the reason to the lead-journey.
 */
final class IntakeRejection {

  static final String INVALID_CONTACT = "INVALID_CONTACT";
  static final String NO_CONSENT = "NO_CONSENT";
  static final String DUPLICATE_CONTACT = "DUPLICATE_CONTACT";

  private IntakeRejection() {}

  static BpmnError rejected(final String errorCode, final String reason) {
    return CamundaError.bpmnError(errorCode, reason, Map.of("intakeOutcome", "rejected", "rejectReason", reason));
  }

  static BpmnError merged(final String survivorId) {
    return CamundaError.bpmnError(
        DUPLICATE_CONTACT, "merged into lead " + survivorId, Map.of("intakeOutcome", "merged", "mergedInto", survivorId));
  }
}
