package com.leadjourney.salesacceptance;

import com.leadjourney.feedback.FeedbackReason;
import com.leadjourney.task.TaskOutcomes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** How an AE closes "Accept or reject the SQL": a reject always says why. */
@Component
class AcceptanceOutcomes implements TaskOutcomes {

  private static final List<String> OUTCOMES = List.of("accepted", "rejected");

  @Override
  public String processId() {
    return AssignAeWorker.STAGE;
  }

  @Override
  public String criteria() {
    return "Entry: an SQL with a booked meeting and the XDR's notes. Exit: accepted (the opportunity opens) or rejected with a reason,"
        + " inside the acceptance window.";
  }

  @Override
  public List<String> outcomes() {
    return OUTCOMES;
  }

  @Override
  public Map<String, Object> completionVariables(final String outcome, final String reason) {
    if (!OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException("outcome must be one of " + OUTCOMES);
    }
    final Map<String, Object> variables = new HashMap<>();
    variables.put("acceptance", outcome);
    variables.put("reason", "rejected".equals(outcome) ? FeedbackReason.of(reason, "rejected").code() : null);
    return variables;
  }
}
