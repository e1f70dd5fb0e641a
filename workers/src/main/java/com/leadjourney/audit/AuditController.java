package com.leadjourney.audit;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail: of a lead (everyone who can see the lead), of any subject (admins). */
@RestController
class AuditController {

  private final Audit audit;

  AuditController(final Audit audit) {
    this.audit = audit;
  }

  @GetMapping("/api/leads/{leadId}/audit")
  List<Audit.Entry> ofLead(@PathVariable final String leadId) {
    return audit.ofLead(leadId);
  }

  @GetMapping("/api/audit")
  List<Audit.Entry> ofSubject(@RequestParam final String subjectType, @RequestParam final String subjectId) {
    return audit.ofSubject(subjectType, subjectId);
  }
}
