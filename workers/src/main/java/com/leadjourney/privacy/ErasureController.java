package com.leadjourney.privacy;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code POST /api/leads/{id}/erasure}: a data subject's right to erasure, for ADMIN and PRIVACY. */
@RestController
class ErasureController {

  private final LeadErasure erasure;

  ErasureController(final LeadErasure erasure) {
    this.erasure = erasure;
  }

  @PostMapping("/api/leads/{leadId}/erasure")
  ResponseEntity<?> erase(@PathVariable final String leadId, final Authentication person) {
    final var erased = erasure.erase(leadId, person.getName());
    if (erased == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + leadId);
    }
    if (!erased.journeysCanceled()) {
      // The data is gone already; only the engine did not answer. Asking again cancels what is left.
      final var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
          "The contact is erased; the engine did not confirm that its journey is canceled. Ask again to cancel what is left.");
      problem.setProperty("erasedLeads", erased.leadIds());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10").body(problem);
    }
    return ResponseEntity.ok(Map.of("leadId", leadId, "erasedLeads", erased.leadIds(), "journeysCanceled", true));
  }
}
