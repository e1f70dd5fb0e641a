package com.leadjourney.web;

import com.leadjourney.audit.Audit;
import com.leadjourney.lead.LeadRepository;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A lead's audit trail, for everyone who can see the lead; 404 for a lead that does not exist, as every other lead endpoint answers. */
@RestController
class LeadAuditController {

  private final Audit audit;
  private final LeadRepository leads;

  LeadAuditController(final Audit audit, final LeadRepository leads) {
    this.audit = audit;
    this.leads = leads;
  }

  @GetMapping("/api/leads/{leadId}/audit")
  List<Audit.Entry> ofLead(@PathVariable final String leadId) {
    if (!leads.existsById(leadId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + leadId);
    }
    return audit.ofLead(leadId);
  }
}
