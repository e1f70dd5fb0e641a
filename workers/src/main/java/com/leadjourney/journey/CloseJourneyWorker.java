package com.leadjourney.journey;

import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import org.springframework.stereotype.Component;

/** Job type {@code close-journey}: every path of lead-journey ends here, with its result. */
@Component
public class CloseJourneyWorker {

  private final JourneyClosing closing;

  CloseJourneyWorker(final JourneyClosing closing) {
    this.closing = closing;
  }

  @JobWorker(type = "close-journey")
  public void closeJourney(@Variable(name = JourneyVariables.LEAD_ID) final String leadId, @Variable(name = "result") final String result) {
    try {
      closing.close(leadId, result);
    } catch (final IllegalArgumentException e) {
      throw CamundaError.jobError(e.getMessage() + ": fix the task's 'Journey result' mapping", null, 0);
    }
  }
}
