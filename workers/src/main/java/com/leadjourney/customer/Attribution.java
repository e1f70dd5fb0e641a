package com.leadjourney.customer;

import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.leadjourney.account.WonDeals;
import com.leadjourney.definition.Engagements;
import com.leadjourney.definition.QualificationDecisions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits a won deal's amount to the campaigns that touched it, only through contacts whose role
 * on the opportunity sales confirmed: pipeline credit marketing and sales both stand behind.
 */
@Service
class Attribution {

  private final JdbcTemplate jdbc;
  private final WonDeals wonDeals;
  private final Engagements engagements;
  private final QualificationDecisions decisions;
  private final Timeline timeline;
  private final MeterRegistry meters;
  private final Clock clock;

  Attribution(
      final JdbcTemplate jdbc,
      final WonDeals wonDeals,
      final Engagements engagements,
      final QualificationDecisions decisions,
      final Timeline timeline,
      final MeterRegistry meters,
      final Clock clock) {
    this.meters = meters;
    this.jdbc = jdbc;
    this.wonDeals = wonDeals;
    this.engagements = engagements;
    this.decisions = decisions;
    this.timeline = timeline;
    this.clock = clock;
  }

  /** Once per opportunity: a redelivered job finds the credit already given. */
  @Transactional
  void credit(final String leadId) {
    final var won = wonOpportunity(leadId);
    final String dedupeKey = "attributed:" + won.opportunityId();
    if (jdbc.queryForObject("select count(*) from attribution_credit where opportunity_id = ?", Integer.class, won.opportunityId()) > 0) {
      return;
    }
    final List<String> confirmed = won.confirmedContacts();
    final List<Engagements.Engagement> touches =
        confirmed.stream()
            .flatMap(contact -> engagements.of(contact).stream())
            .filter(t -> t.campaign() != null && !t.occurredAt().isAfter(won.closedAt()))
            .sorted(Comparator.comparing(Engagements.Engagement::occurredAt))
            .toList();
    if (touches.isEmpty()) {
      timeline.record(
          leadId, JourneyEvent.Type.REVENUE_ATTRIBUTED, "customer",
          confirmed.isEmpty()
              ? "nothing credited: sales confirmed no contact role on opportunity " + won.opportunityId()
              : "nothing credited: no campaign touched the " + confirmed.size() + " confirmed contacts",
          dedupeKey);
      return;
    }
    final var shares = AttributionModels.shares(touches, decisions.firstQualifiedAt(leadId), won.openedAt());
    final Instant now = clock.instant();
    shares.forEach(
        (model, byCampaign) ->
            byCampaign.forEach(
                (campaign, share) -> {
                  final BigDecimal credit = amount(won.amount(), share);
                  jdbc.update(
                      "insert into attribution_credit (opportunity_id, model, campaign, share, amount, credited_at) values (?, ?, ?, ?, ?, ?)",
                      won.opportunityId(), model, campaign, share, credit, Timestamp.from(now));
                  AfterCommit.run(
                      () -> Counter.builder("leadjourney.revenue.attributed")
                          .description("Won revenue credited to programs (campaigns), by attribution model")
                          .baseUnit("dollars")
                          .tags("model", model, "program", campaign)
                          .register(meters)
                          .increment(credit.doubleValue()));
                }));
    timeline.record(
        leadId, JourneyEvent.Type.REVENUE_ATTRIBUTED, "customer",
        won.amount().toPlainString() + " over " + touches.size() + " touches of " + confirmed.size() + " confirmed contacts; w-shaped "
            + shares.get("w-shaped").entrySet().stream()
                .map(e -> e.getKey() + " " + Math.round(e.getValue() * 100) + "%")
                .collect(Collectors.joining(", ")),
        dedupeKey);
  }

  WonDeals.WonDeal wonOpportunity(final String leadId) {
    return wonDeals.of(leadId)
        .orElseThrow(() -> new IllegalStateException("Lead " + leadId + " has no won opportunity"));
  }

  private static BigDecimal amount(final BigDecimal total, final double share) {
    return total.multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.HALF_UP);
  }
}
