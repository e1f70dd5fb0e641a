package com.leadjourney.audit;

import com.leadjourney.lead.LeadRepository;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The audit trail: of a lead (everyone who can see the lead), of any subject (admins). */
@RestController
class AuditController {

  private final Audit audit;
  private final LeadRepository leads;

  AuditController(final Audit audit, final LeadRepository leads) {
    this.audit = audit;
    this.leads = leads;
  }

  /** 404 for a lead that does not exist, as every other lead endpoint answers (an empty list would say "nothing happened"). */
  @GetMapping("/api/leads/{leadId}/audit")
  List<Audit.Entry> ofLead(@PathVariable final String leadId) {
    if (!leads.existsById(leadId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No lead " + leadId);
    }
    return audit.ofLead(leadId);
  }

  @GetMapping("/api/audit")
  List<Audit.Entry> ofSubject(@RequestParam final String subjectType, @RequestParam final String subjectId) {
    return audit.ofSubject(subjectType, subjectId);
  }
}
