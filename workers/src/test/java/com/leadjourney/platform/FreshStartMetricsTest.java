package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.OwnAppTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fresh install, before its first lead: every series the boards and the alert rules read is
 * already exported, counts at 0 — {@code increase()} cannot see the first value of a series that
 * appears later (the first won deal went missing that way), and a board of "No data" reads as broken.
 */
class FreshStartMetricsTest extends OwnAppTest {

  private static final Path CONFIG = Path.of("..", "dashboard-config").toAbsolutePath().normalize();
  private static final Pattern METRIC = Pattern.compile("leadjourney_[a-z_]+");

  /** Metric names in the boards and rules; a measure's recording rule reads leadjourney_measure. */
  private static Set<String> namesRead() throws Exception {
    final Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Stream.concat(Files.list(CONFIG.resolve("grafana/dashboards")), Files.list(CONFIG.resolve("rules")))) {
      for (final Path file : files.filter(Files::isRegularFile).toList()) {
        // A histogram is read through its _bucket/_count/_sum series: the histogram is what must exist.
        METRIC.matcher(Files.readString(file)).results().map(m -> m.group().replaceAll("_(bucket|count|sum)$", "")).forEach(names::add);
      }
    }
    return names;
  }

  @Test
  void rightAfterAFreshStartEverySeriesTheBoardsAndAlertsReadIsThereCountsAtZero() throws Exception {
    final Set<String> read = namesRead();
    assertThat(read).as("positive control: the boards and rules were read").contains("leadjourney_measure", "leadjourney_sla_events_total");
    // The measures are computed 10 s after the start, then every minute.
    await().atMost(Duration.ofSeconds(60)).until(() -> api().scrape().contains("leadjourney_measure{"));
    final String exposition = api().scrape();
    final List<String> lines = exposition.lines().filter(l -> !l.startsWith("#")).toList();
    assertThat(read).as("exported before the first lead").allSatisfy(name ->
        assertThat(lines).as(name).anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " ")
            || l.startsWith(name + "_bucket{") || l.startsWith(name + "_count{")));

    for (final String stage : List.of("contact-intake", "pre-qualification", "nurture", "xdr-handoff", "sales-acceptance", "opportunity", "customer")) {
      assertThat(lines).contains("leadjourney_stage_entered_total{application=\"lead-journey\",stage=\"" + stage + "\"} 0.0");
    }
    assertThat(lines).contains(
        "leadjourney_customers_won_total{application=\"lead-journey\"} 0.0",
        "leadjourney_revenue_won_dollars_total{application=\"lead-journey\"} 0.0",
        "leadjourney_leads_accepted_total{application=\"lead-journey\",source=\"other\"} 0.0",
        "leadjourney_sla_events_total{application=\"lead-journey\",event=\"escalated\",stage=\"xdr-handoff\"} 0.0",
        "leadjourney_sla_events_total{application=\"lead-journey\",event=\"met\",stage=\"xdr-handoff\"} 0.0",
        "leadjourney_marketing_mqls{application=\"lead-journey\",measure=\"target\",segment=\"mid-market\"} 0.0");
    // The catalogue's counts and sums for the period under way: 0, not absent. A rate of nothing has no value, so no series.
    for (final String measure : List.of("new-leads", "mqls", "sqls", "deals-won", "revenue-won", "pipeline-opened")) {
      assertThat(lines).as(measure).anyMatch(l -> l.startsWith("leadjourney_measure{") && l.contains("ago=\"0\"") && l.contains("cadence=\"quarterly\"")
          && l.contains("measure=\"" + measure + "\"") && l.endsWith(" 0.0"));
    }
    assertThat(lines).noneMatch(l -> l.startsWith("leadjourney_measure{") && l.contains("measure=\"win-rate\""));
  }
}
