package com.leadjourney.customer;

import com.leadjourney.journey.JourneyVariables;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Job type {@code convert-customer}: the won deal's account becomes a customer. */
@Component
public class ConvertCustomerWorker {

  private final Attribution attribution;
  private final JdbcTemplate jdbc;
  private final Timeline timeline;
  private final MeterRegistry meters;
  private final Clock clock;

  ConvertCustomerWorker(
      final Attribution attribution, final JdbcTemplate jdbc, final Timeline timeline, final MeterRegistry meters, final Clock clock) {
    this.attribution = attribution;
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.meters = meters;
    this.clock = clock;
  }

  @JobWorker(type = "convert-customer")
  @Transactional
  public void convertCustomer(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    final var won = attribution.wonOpportunity(leadId);
    if (!timeline.record(leadId, JourneyEvent.Type.CONVERTED, "customer", "won " + won.amount().toPlainString() + " on opportunity " + won.id(), "converted:" + won.id())) {
      return;
    }
    if (won.accountId() != null) {
      jdbc.update(
          "update account set customer = true, customer_since = coalesce(customer_since, ?) where id = ?",
          Timestamp.from(clock.instant()), won.accountId());
    }
    final double revenue = won.amount().doubleValue();
    AfterCommit.run(
        () -> {
          meters.counter("leadjourney.customers.won").increment();
          Counter.builder("leadjourney.revenue.won")
              .description("Revenue of won deals")
              .baseUnit("dollars")
              .register(meters)
              .increment(revenue);
        });
  }
}
