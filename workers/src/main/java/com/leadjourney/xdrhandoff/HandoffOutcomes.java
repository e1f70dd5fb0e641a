package com.leadjourney.xdrhandoff;

import com.leadjourney.feedback.FeedbackReason;
import com.leadjourney.lead.FunnelSteps;
import com.leadjourney.task.TaskOutcomes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** How an XDR closes "Work the lead": the gateway after it routes on {@code outcome}. */
@Component
class HandoffOutcomes implements TaskOutcomes {

  @Override
  public String processId() {
    return HandoffVariables.PROCESS_ID;
  }

  @Override
  public String criteria() {
    return "Entry: an MQL routed to you, with its qualification trace. Exit: a meeting booked (SQL), or recycled to nurture"
        + " or disqualified with a reason. First touch within the SLA policy.";
  }

  @Override
  public List<String> outcomes() {
    return Outcome.codes();
  }

  @Override
  public Map<String, Object> completionVariables(final String outcomeCode, final String reason) {
    final Outcome outcome =
        Outcome.of(outcomeCode).orElseThrow(() -> new IllegalArgumentException("outcome must be one of " + Outcome.codes()));
    final Map<String, Object> variables = new HashMap<>();
    variables.put(HandoffVariables.OUTCOME, outcome.code());
    variables.put(HandoffVariables.REASON, outcome.reasonRequired() ? FeedbackReason.of(reason, outcome.code()).code() : null);
    return variables;
  }

  @Override
  public boolean impliesTouch(final String outcome) {
    return Outcome.MEETING_BOOKED.code().equals(outcome);
  }

  @Override
  public FunnelSteps.Step reaches(final String outcome) {
    return Outcome.MEETING_BOOKED.code().equals(outcome) ? FunnelSteps.Step.SQL : null;
  }

  @Override
  public boolean firstTouchClock() {
    return true;
  }
}
