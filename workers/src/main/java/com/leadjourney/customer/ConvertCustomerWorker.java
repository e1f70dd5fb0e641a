package com.leadjourney.customer;

import com.leadjourney.account.Accounts;
import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Job type {@code convert-customer}: the won deal's account becomes a customer. */
@Component
public class ConvertCustomerWorker {

  private final Attribution attribution;
  private final Accounts accounts;
  private final Timeline timeline;
  private final MeterRegistry meters;

  ConvertCustomerWorker(final Attribution attribution, final Accounts accounts, final Timeline timeline, final MeterRegistry meters) {
    this.attribution = attribution;
    this.accounts = accounts;
    this.timeline = timeline;
    this.meters = meters;
  }

  /** Both counters exist from the start at 0: {@code increase()} cannot see the first value of a new series (the first won deal). */
  @EventListener(ApplicationReadyEvent.class)
  void countFromZero() {
    meters.counter("leadjourney.customers.won");
    revenueWon();
  }

  @JobWorker(type = "convert-customer")
  @Transactional
  public void convertCustomer(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    final var won = attribution.wonOpportunity(leadId);
    if (!timeline.record(leadId, JourneyEvent.Type.CONVERTED, "customer", "won " + won.amount().toPlainString() + " on opportunity " + won.opportunityId(), "converted:" + won.opportunityId())) {
      return;
    }
    if (won.accountId() != null) {
      accounts.markCustomer(won.accountId());
    }
    final double revenue = won.amount().doubleValue();
    AfterCommit.run(
        () -> {
          meters.counter("leadjourney.customers.won").increment();
          revenueWon().increment(revenue);
        });
  }

  private Counter revenueWon() {
    return Counter.builder("leadjourney.revenue.won").description("Revenue of won deals").baseUnit("dollars").register(meters);
  }
}
