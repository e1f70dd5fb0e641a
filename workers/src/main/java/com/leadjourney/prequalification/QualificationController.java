package com.leadjourney.prequalification;

import com.leadjourney.definition.QualificationDecisions;
import com.leadjourney.lead.LeadRepository;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A lead's qualification decisions with their traces: which definition, which inputs, which criteria fired. */
@RestController
class QualificationController {

  private final QualificationDecisions decisions;
  private final LeadRepository leads;

  QualificationController(final QualificationDecisions decisions, final LeadRepository leads) {
    this.decisions = decisions;
    this.leads = leads;
  }

  @GetMapping("/api/leads/{leadId}/qualification")
  List<QualificationDecisions.Trace> traces(@PathVariable final String leadId) {
    if (!leads.existsById(leadId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + leadId);
    }
    return decisions.tracesOf(leadId);
  }
}
