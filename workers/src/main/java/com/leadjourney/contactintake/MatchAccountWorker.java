package com.leadjourney.contactintake;

import com.leadjourney.account.AccountMatching;
import com.leadjourney.engine.JourneyVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job type {@code match-account}: the last step of contact intake, so the contact is known. */
@Component
public class MatchAccountWorker {

  private final AccountMatching matching;

  MatchAccountWorker(final AccountMatching matching) {
    this.matching = matching;
  }

  @JobWorker(type = "match-account")
  public Map<String, Object> matchAccount(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    return Map.of("accountId", matching.match(leadId).accountId(), "intakeOutcome", "known");
  }
}
