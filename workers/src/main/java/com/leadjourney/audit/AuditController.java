package com.leadjourney.audit;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of any subject (admins); a lead's own is {@code web.LeadAuditController}. */
@RestController
class AuditController {

  private final Audit audit;

  AuditController(final Audit audit) {
    this.audit = audit;
  }

  @GetMapping("/api/audit")
  List<Audit.Entry> ofSubject(@RequestParam final String subjectType, @RequestParam final String subjectId) {
    return audit.ofSubject(subjectType, subjectId);
  }
}
