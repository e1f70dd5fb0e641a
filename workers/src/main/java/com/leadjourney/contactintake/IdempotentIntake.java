package com.leadjourney.contactintake;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** Accepts a lead once per idempotency key, even when two deliveries of it race each other. */
@Component
class IdempotentIntake {

  private final IntakeService intake;

  IdempotentIntake(final IntakeService intake) {
    this.intake = intake;
  }

  IntakeService.Accepted accept(final LeadRequest request, final String idempotencyKey) {
    try {
      return intake.accept(request, idempotencyKey);
    } catch (final DataIntegrityViolationException e) {
      if (idempotencyKey == null) {
        throw e;
      }
      return intake.acceptedEarlier(request, idempotencyKey); // a concurrent twin won the insert
    }
  }
}
