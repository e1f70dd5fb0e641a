package com.leadjourney.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.lead.FunnelSteps;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Lead;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides MQL / nurture / disqualified from the definition's matched criteria (fit) and the
 * decayed engagement, and stores the decision with everything needed to explain it.
 */
@Service
public class QualificationDecisions {

  public static final String MQL = "mql";
  public static final String NURTURE = "nurture";
  public static final String DISQUALIFIED = "disqualified";

  /** One criterion of lead-qualification.dmn that matched. */
  record MatchedCriterion(String criterion, int points, String verdict) {
    static MatchedCriterion of(final Map<?, ?> row) {
      return new MatchedCriterion((String) row.get("criterion"), ((Number) row.get("points")).intValue(), (String) row.get("verdict"));
    }

    @Override
    public String toString() {
      return "disqualify".equals(verdict) ? criterion + " (disqualifies)" : criterion + " +" + points;
    }
  }

  public record Decision(String outcome, int fit, double engagement, String reason) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final LeadRepository leads;
  private final Engagements engagements;
  private final Timeline timeline;
  private final Definitions definitions;
  private final MeterRegistry meters;
  private final Clock clock;
  private final FunnelSteps funnel;

  QualificationDecisions(
      final JdbcTemplate jdbc,
      final LeadRepository leads,
      final Engagements engagements,
      final Timeline timeline,
      final Definitions definitions,
      final MeterRegistry meters,
      final Clock clock,
      final FunnelSteps funnel) {
    this.jdbc = jdbc;
    this.leads = leads;
    this.engagements = engagements;
    this.timeline = timeline;
    this.definitions = definitions;
    this.meters = meters;
    this.clock = clock;
    this.funnel = funnel;
  }

  /** Idempotent per pre-qualification visit: a redelivered job or a rebuilt journey gets the stored decision. */
  @Transactional
  public Decision decide(final String leadId, final List<Map<?, ?>> fitRules) {
    final Lead lead = leads.lock(leadId);
    final int visit = timeline.visitOf(leadId, "pre-qualification");
    final var earlier =
        jdbc.query(
            "select outcome, fit_score, engagement_score, reason from qualification_decision where lead_id = ? and visit = ?",
            (row, i) -> new Decision(row.getString(1), row.getInt(2), row.getDouble(3), row.getString(4)),
            leadId, visit);
    if (!earlier.isEmpty()) {
      return earlier.get(0);
    }
    final List<MatchedCriterion> matched = fitRules.stream().map(MatchedCriterion::of).toList();
    // The DMN that matched says which version it is; when nothing matched, the live version decided.
    final String version =
        fitRules.stream().map(r -> r.get("definitionVersion")).filter(String.class::isInstance).map(String.class::cast).findFirst()
            .orElseGet(definitions::live);
    final Definitions.Thresholds thresholds = definitions.thresholds(version);
    final int fit = matched.stream().mapToInt(MatchedCriterion::points).sum();
    final String disqualifiedBy =
        matched.stream().filter(c -> "disqualify".equals(c.verdict())).map(MatchedCriterion::criterion).findFirst().orElse(null);
    final Instant now = clock.instant();
    final var engagement = EngagementScore.of(scored(leadId, thresholds), now, thresholds.halfLife());
    final String outcome =
        disqualifiedBy != null ? DISQUALIFIED : meetsDefinition(thresholds, fit, engagement.score()) ? MQL : NURTURE;
    final var decision = new Decision(outcome, fit, engagement.score(), disqualifiedBy);
    jdbc.update(
        """
        insert into qualification_decision (lead_id, visit, definition_version, inputs, matched_rules, fit_score,
          engagement_score, engagement_breakdown, outcome, reason, priority, segment, decided_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        leadId, visit, version, json(lead.decisionInputs()), json(matched), fit,
        engagement.score(), json(engagement.byType()), outcome, disqualifiedBy, priority(thresholds, outcome, fit, engagement.score()),
        segment(lead.getProfile().companySize()), Timestamp.from(now));
    if (MQL.equals(outcome)) {
      funnel.reached(leadId, FunnelSteps.Step.MQL);
    }
    timeline.record(
        leadId, JourneyEvent.Type.QUALIFIED, lead.getStage(),
        outcome + (disqualifiedBy != null ? " (" + disqualifiedBy + ")" : "") + ": fit " + fit + " of " + thresholds.mqlFit()
            + " [" + matched.stream().map(MatchedCriterion::toString).collect(Collectors.joining(", ")) + "], engagement "
            + engagement.score() + " of " + thresholds.mqlEngagement() + " " + engagement.byType() + ", definition "
            + version,
        "qualified:" + visit);
    AfterCommit.run(
        () -> meters.counter("leadjourney.qualification.decisions", "outcome", outcome, "definition_version", version).increment());
    return decision;
  }

  /** Would the lead qualify now, with its last fit and today's decayed engagement? (nurture re-scoring) */
  @Transactional(readOnly = true)
  public Decision rescore(final String leadId) {
    final var last = last(leadId);
    final int fit = last.map(Last::fit).orElse(0);
    final String disqualifiedBy = last.map(Last::disqualifiedBy).orElse(null);
    final Definitions.Thresholds thresholds = definitions.thresholds(definitions.live());
    final double engagement = EngagementScore.of(scored(leadId, thresholds), clock.instant(), thresholds.halfLife()).score();
    final String outcome = disqualifiedBy == null && meetsDefinition(thresholds, fit, engagement) ? MQL : NURTURE;
    return new Decision(outcome, fit, engagement, disqualifiedBy);
  }

  /** The lead's touches, each worth what the deciding definition says its type is worth. */
  private List<Engagements.Engagement> scored(final String leadId, final Definitions.Thresholds thresholds) {
    return engagements.of(leadId).stream()
        .map(e -> new Engagements.Engagement(e.type(), thresholds.pointsFor(e.type()), e.campaign(), e.occurredAt()))
        .toList();
  }

  /** A stored decision with its trace: which definition, which inputs, which criteria fired. */
  public record Trace(
      int visit, String definitionVersion, Map<String, Object> inputs, List<Map<String, Object>> matchedRules, int fitScore,
      double engagementScore, Map<String, Object> engagementBreakdown, String outcome, String reason, String priority, String segment,
      Instant decidedAt) {}

  /** Every qualification decision of the lead, oldest first. */
  @Transactional(readOnly = true)
  public List<Trace> tracesOf(final String leadId) {
    return jdbc.query(
        """
        select visit, definition_version, inputs, matched_rules, fit_score, engagement_score, engagement_breakdown, outcome, reason, priority,
          segment, decided_at from qualification_decision where lead_id = ? order by visit""",
        (row, i) -> new Trace(
            row.getInt(1), row.getString(2), read(row.getString(3), new TypeReference<Map<String, Object>>() {}),
            read(row.getString(4), new TypeReference<List<Map<String, Object>>>() {}), row.getInt(5), row.getDouble(6),
            read(row.getString(7), new TypeReference<Map<String, Object>>() {}), row.getString(8), row.getString(9), row.getString(10),
            row.getString(11), row.getTimestamp(12).toInstant()),
        leadId);
  }

  private static <T> T read(final String json, final TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("A stored decision is not JSON", e);
    }
  }

  /** The lead's last decision as stored: the one query every "latest decision" question reads. */
  private record Last(int fit, String disqualifiedBy, String definitionVersion, String priority, String segment) {}

  private Optional<Last> last(final String leadId) {
    return jdbc.query(
            "select fit_score, reason, definition_version, priority, segment from qualification_decision where lead_id = ? order by visit desc limit 1",
            (row, i) -> new Last(row.getInt(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)), leadId)
        .stream().findFirst();
  }

  /** The definition version that last decided for the lead, if any. */
  public String definitionVersionOf(final String leadId) {
    return last(leadId).map(Last::definitionVersion).orElse(null);
  }

  /** Priority (hot, warm, cold) and segment of the lead's last decision; both null before its first. */
  public record Band(String priority, String segment) {}

  /** Each lead's priority (hot, warm, cold) by its latest decision, in one query per thousand leads; leads never decided are absent. */
  @Transactional(readOnly = true)
  public Map<String, String> prioritiesOf(final java.util.Collection<String> leadIds) {
    final Map<String, String> priorities = new java.util.HashMap<>();
    final List<String> ids = List.copyOf(leadIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      final List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      jdbc.query(
          "select d.lead_id, d.priority from qualification_decision d where d.lead_id in (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
              + ") and d.visit = (select max(x.visit) from qualification_decision x where x.lead_id = d.lead_id)",
          row -> {
            priorities.put(row.getString(1), row.getString(2));
          },
          chunk.toArray());
    }
    return priorities;
  }

  public Band bandOf(final String leadId) {
    return last(leadId).map(l -> new Band(l.priority(), l.segment())).orElse(new Band(null, null));
  }

  /** Leads that qualified as MQLs in [from, to). */
  public int mqls(final Instant from, final Instant to) {
    return jdbc.queryForObject(
        "select count(distinct lead_id) from qualification_decision where outcome = 'mql' and decided_at >= ? and decided_at < ?",
        Integer.class, Timestamp.from(from), Timestamp.from(to));
  }

  /** Leads that qualified as MQLs in [from, to), by segment (pacing and the cadence review count the same way). */
  public Map<String, Integer> mqlsBySegment(final Instant from, final Instant to) {
    final Map<String, Integer> bySegment = new TreeMap<>();
    jdbc.query(
        """
        select coalesce(segment, 'unknown'), count(distinct lead_id) from qualification_decision
        where outcome = 'mql' and decided_at >= ? and decided_at < ? group by 1""",
        row -> {
          bySegment.put(row.getString(1), row.getInt(2));
        },
        Timestamp.from(from), Timestamp.from(to));
    return bySegment;
  }

  /** When the lead first qualified as an MQL; null when it never did. */
  public Instant firstQualifiedAt(final String leadId) {
    return jdbc.queryForList(
            "select decided_at from qualification_decision where lead_id = ? and outcome = 'mql' order by decided_at", Timestamp.class, leadId)
        .stream().findFirst().map(Timestamp::toInstant).orElse(null);
  }

  /** How fast sales should answer (the SLA policy's first input): hot leads fit well and engage a lot. */
  private static String priority(final Definitions.Thresholds thresholds, final String outcome, final int fit, final double engagement) {
    if (!MQL.equals(outcome)) {
      return "cold";
    }
    return fit >= thresholds.hotFit() && engagement >= thresholds.hotEngagement() ? "hot" : "warm";
  }

  /** Company size band: the SLA policy's and the pacing targets' segment. */
  /** Every segment {@link #segment} can name. */
  public static final List<String> SEGMENTS = List.of("smb", "mid-market", "enterprise", "unknown");

  public static String segment(final Integer companySize) {
    if (companySize == null) {
      return "unknown";
    }
    return companySize >= 1000 ? "enterprise" : companySize >= 200 ? "mid-market" : "smb";
  }

  private static boolean meetsDefinition(final Definitions.Thresholds thresholds, final int fit, final double engagement) {
    return fit >= thresholds.mqlFit() && engagement >= thresholds.mqlEngagement();
  }

  private static String json(final Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the decision trace", e);
    }
  }
}
