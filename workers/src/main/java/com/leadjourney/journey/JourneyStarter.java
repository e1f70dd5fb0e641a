package com.leadjourney.journey;

import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.lead.JourneyClockRepository;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.JourneyEventRepository;
import com.leadjourney.lead.Lead;
import com.leadjourney.lead.LeadRepository;
import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates a lead's journey instance in the engine, fresh or rebuilt where the lead stood. */
@Service
public class JourneyStarter {

  private final CamundaClient client;
  private final LeadRepository leads;
  private final JourneyClockRepository clocks;
  private final JourneyEventRepository events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  JourneyStarter(
      final CamundaClient client,
      final LeadRepository leads,
      final JourneyClockRepository clocks,
      final JourneyEventRepository events,
      final TransactionTemplate transaction,
      final Clock clock) {
    this.client = client;
    this.leads = leads;
    this.clocks = clocks;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Starts the journey of a newly accepted lead; returns the process instance key. */
  public long start(final Lead lead) {
    final var requestedAt = clock.instant(); // before the engine runs the journey's first step
    final long key = create(lead, null);
    record(lead, key, JourneyEvent.Type.JOURNEY_STARTED, null, requestedAt);
    return key;
  }

  /**
   * Recreates an open journey at the element the lead last recorded, with its stored clocks as
   * variables, so timers keep their original due times. The element's worker runs again; workers
   * are idempotent, so nothing is recorded twice.
   */
  public long rebuild(final Lead lead) {
    final var requestedAt = clock.instant();
    final long key = create(lead, lead.getResumeElement());
    record(lead, key, JourneyEvent.Type.JOURNEY_REBUILT, lead.getResumeElement(), requestedAt);
    return key;
  }

  private long create(final Lead lead, final String resumeElement) {
    final Map<String, Object> variables = new HashMap<>();
    variables.put(JourneyVariables.LEAD_ID, lead.getId());
    clocks.dueTimes(lead.getId()).forEach((name, due) -> variables.put(name, due.toString()));
    var command =
        client.newCreateInstanceCommand()
            .bpmnProcessId(JourneyVariables.PROCESS_ID)
            .latestVersion()
            .variables(variables);
    if (resumeElement != null) {
      command = command.startBeforeElement(resumeElement);
    }
    return command.send().join(10, TimeUnit.SECONDS).getProcessInstanceKey();
  }

  private void record(
      final Lead lead,
      final long key,
      final JourneyEvent.Type type,
      final String element,
      final Instant at) {
    transaction.executeWithoutResult(
        tx -> {
          final boolean owns = leads.bindJourney(lead.getId(), key) == 1;
          final String detail =
              owns ? "process instance " + key : "process instance " + key + " is a duplicate; it ends as discarded";
          events.save(new JourneyEvent(lead.getId(), type, lead.getStage(), element, detail, at, type.name() + ":" + key));
        });
  }
}
