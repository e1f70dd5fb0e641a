package com.leadjourney.privacy;

import com.leadjourney.audit.Audit;
import com.leadjourney.lead.ContactErasure;
import com.leadjourney.lead.ContactErasure.ErasedContact;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import com.leadjourney.platform.ErasedPerson;
import com.leadjourney.platform.ErasesPersonalData;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a contact (GDPR Art. 17): every lead of the person, in every package's tables, in one
 * transaction; then its journey is canceled in the engine. The engine never holds personal data
 * (its variables are ids, codes and clocks), so canceling is all the engine needs: nothing of the
 * person is in its state or kept log. Asking again is harmless and retries a cancel that failed.
 */
@Service
class LeadErasure {

  /** What was erased: the leads of the person, and whether every journey of theirs is canceled. */
  record Erased(String leadId, List<String> leadIds, boolean journeysCanceled) {}

  private final ContactErasure contacts;
  private final List<ErasesPersonalData> holders;
  private final Timeline timeline;
  private final Audit audit;
  private final CamundaClient engine;
  private final TransactionTemplate transaction;
  private final MeterRegistry meters;

  LeadErasure(
      final ContactErasure contacts, final List<ErasesPersonalData> holders, final Timeline timeline, final Audit audit,
      final CamundaClient engine, final TransactionTemplate transaction, final MeterRegistry meters) {
    this.contacts = contacts;
    this.holders = holders; // in @Order: the lead's own row last
    this.timeline = timeline;
    this.audit = audit;
    this.engine = engine;
    this.transaction = transaction;
    this.meters = meters;
    meters.counter("leadjourney.leads.erased");
  }

  /** Null when there is no such lead. */
  Erased erase(final String leadId, final String actor) {
    final List<ErasedContact> erased = transaction.execute(tx -> eraseInDatabase(leadId, actor));
    if (erased == null || erased.isEmpty()) {
      return null;
    }
    // Read after the commit: a journey whose start was under way when the erasure began is canceled too.
    final boolean canceled = contacts.sameContactKeys(erased.stream().map(ErasedContact::leadId).toList()).stream().allMatch(this::cancel);
    return new Erased(leadId, erased.stream().map(ErasedContact::leadId).toList(), canceled);
  }

  private List<ErasedContact> eraseInDatabase(final String leadId, final String actor) {
    final List<ErasedContact> sameContact = contacts.sameContact(leadId);
    // One person: each lead's text is scrubbed of what any of its leads knew (a merge may have renamed).
    final List<String> identifiers = sameContact.stream().flatMap(c -> c.person().identifiers().stream()).distinct().toList();
    for (final ErasedContact contact : sameContact) {
      final var person = new ErasedPerson(contact.leadId(), identifiers);
      holders.forEach(holder -> holder.erase(person));
      if (timeline.record(contact.leadId(), JourneyEvent.Type.LEAD_ERASED, contact.stage(), "contact erased on request", "erased")) {
        // Who and when; not what: the state before would be the personal data just erased.
        audit.record(actor, "lead.erased", "lead", contact.leadId(), contact.leadId(), null, null);
        AfterCommit.run(() -> meters.counter("leadjourney.leads.erased").increment());
      }
    }
    return sameContact;
  }

  /** True when the journey is canceled now or was over already. */
  private boolean cancel(final long processInstanceKey) {
    try {
      engine.newCancelInstanceCommand(processInstanceKey).send().join(10, TimeUnit.SECONDS);
      return true;
    } catch (final ClientStatusException e) {
      return e.getStatus().getCode() == Status.Code.NOT_FOUND;
    } catch (final ProblemException e) {
      return e.code() == 404;
    } catch (final RuntimeException e) {
      return false;
    }
  }
}
