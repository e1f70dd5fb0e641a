package com.leadjourney.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * workflows/sla-policy.dmn row by row, evaluated by the engine as the SLA clock service asks it:
 * the XDR's first-touch promise (README: hot 5 min, warm 4 h, enterprise 2 h, cold 24 h), when the
 * reminder comes and how long after the deadline the lead is taken away; and the AE's acceptance
 * window (24 business hours, no reminder, no reassignment).
 */
class SlaPolicyTableTest extends EmbeddedAppTest {

  @Autowired SlaPolicies policies;

  @ParameterizedTest(name = "first touch of {0} {1}: within {2} min, reminder at {3}, reassigned {4} min after")
  @CsvSource(nullValues = "none", value = {
      "hot,  enterprise, 5,    0.5, 15",
      "hot,  smb,        5,    0.5, 15",
      "warm, enterprise, 120,  0.5, 60",
      "warm, mid-market, 240,  0.5, 60",
      "warm, unknown,    240,  0.5, 60",
      "cold, smb,        1440, 0.5, 240",
      "none, none,       240,  0.5, 60", // no decision yet: the table's catch-all row
  })
  void eachPriorityAndSegmentGetsItsPromise(
      final String priority, final String segment, final long firstTouchMinutes, final double reminderShare, final long reassignAfterMinutes) {
    final var policy = policies.evaluate(SlaPolicies.Promise.FIRST_TOUCH, priority, segment);
    assertThat(policy.window()).isEqualTo(Duration.ofMinutes(firstTouchMinutes));
    assertThat(policy.reminderShare()).isEqualTo(reminderShare);
    assertThat(policy.reassignAfter()).isEqualTo(Duration.ofMinutes(reassignAfterMinutes));
  }

  @ParameterizedTest(name = "acceptance of {0} {1}: within 24 business hours, no reminder, no reassignment")
  @CsvSource(nullValues = "none", value = {"hot, enterprise", "warm, smb", "cold, unknown", "none, none"})
  void theAeAnswersEverySqlWithinOneWorkingDay(final String priority, final String segment) {
    final var policy = policies.evaluate(SlaPolicies.Promise.ACCEPTANCE, priority, segment);
    assertThat(policy.window()).isEqualTo(Duration.ofHours(24));
    assertThat(policy.reminderShare()).isNull();
    assertThat(policy.reassignAfter()).isNull();
  }
}
