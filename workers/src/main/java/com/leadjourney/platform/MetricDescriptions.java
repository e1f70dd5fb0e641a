package com.leadjourney.platform;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every exported series gets help text (Prometheus and promtool expect it): the question the
 * metric answers, as in dashboard-config/METRICS.md, for ours; a plain reading of the name for
 * library meters that come without one.
 */
@Component
class MetricDescriptions implements MeterFilter {

  private static final Map<String, String> QUESTIONS =
      Map.ofEntries(
          Map.entry("leadjourney.leads.accepted", "Leads accepted by intake, by source"),
          Map.entry("leadjourney.stage.entered", "Leads that entered a journey stage"),
          Map.entry("leadjourney.journeys.closed", "Journeys ended, by result and the stage they ended in"),
          Map.entry("leadjourney.qualification.decisions", "Qualification decisions by outcome and definition version"),
          Map.entry("leadjourney.feedback", "Sales feedback (recycle, disqualify, reject, loss) by reason"),
          Map.entry("leadjourney.sla.events", "SLA events by type and stage"),
          Map.entry("leadjourney.routing.unassigned", "Leads routed to a manager's queue because nobody was available"),
          Map.entry("leadjourney.nurture.touches", "Nurture touches sent, by track"),
          Map.entry("leadjourney.nurture.reengaged", "Nurtured leads that qualified again, by track"),
          Map.entry("leadjourney.customers.won", "Won deals converted to customers"),
          Map.entry("leadjourney.notifications.sent", "Notifications delivered, by channel and kind"),
          Map.entry("leadjourney.notifications.failed", "Notifications a channel could not deliver"),
          Map.entry("leadjourney.marketing.shortfall.alerts", "Marketing pacing shortfall alerts raised"),
          Map.entry("camunda.job.invocations", "Job worker invocations by job type and action (Camunda client)"),
          Map.entry("camunda.client.worker.job", "Jobs handled by the Camunda client's workers"),
          Map.entry("http.server.requests", "HTTP requests served"),
          Map.entry("http.client.requests", "HTTP requests sent"));

  @Override
  public Meter.Id map(final Meter.Id id) {
    if (id.getDescription() != null && !id.getDescription().isBlank()) {
      return id;
    }
    final String description = QUESTIONS.getOrDefault(id.getName(), id.getName().replace('.', ' '));
    return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
  }
}
