package com.leadjourney.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.definition.LeadHistory.Judged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Suggests a definition from history, in the background: learns a readable scorecard from the
 * leads created in a span whose outcome is known (part of them held out), writes it as a draft
 * version, and measures it and the live definition on the held-out leads. The draft then takes the
 * normal path: edit, propose, two signatures.
 */
@Service
public class DefinitionSuggestions implements DisposableBean {

  /** A suggestion as the API shows it; {@code heldOut}, {@code criteria} and {@code warnings} once done. */
  public record Suggestion(
      String id, String state, String step, LocalDate leadsFrom, LocalDate leadsUntil, double holdout, double qualifiedShare, String draftVersion,
      Object heldOut, Object criteria, Object warnings, String failure, String requestedBy, Instant startedAt, Instant finishedAt) {}

  static final int MAX_CRITERIA = 15;
  private static final String SELECT = """
      select id, state, step, leads_from, leads_until, holdout, qualified_share, draft_version, result, failure, requested_by, started_at, finished_at
      from definition_suggestion""";
  private static final Logger LOG = LoggerFactory.getLogger(DefinitionSuggestions.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MIN_LEADS = 200;
  private static final int MIN_EACH_OUTCOME = 30;

  private final JdbcTemplate jdbc;
  private final LeadHistory history;
  private final Definitions definitions;
  private final Clock clock;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("definition-suggestion").daemon().unstarted(r));

  DefinitionSuggestions(final JdbcTemplate jdbc, final LeadHistory history, final Definitions definitions, final Clock clock) {
    this.jdbc = jdbc;
    this.history = history;
    this.definitions = definitions;
    this.clock = clock;
    jdbc.update("update definition_suggestion set state = 'failed', failure = 'interrupted by a restart; ask again' where state = 'running'");
  }

  public Suggestion start(final LocalDate from, final LocalDate until, final double holdout, final double qualifiedShare, final String user) {
    if (from != null && until != null && !from.isBefore(until)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before until");
    }
    if (holdout < 0.1 || holdout > 0.5) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "holdout is the share of leads kept for the evidence: 0.1 to 0.5, e.g. 0.3");
    }
    if (qualifiedShare < 0.05 || qualifiedShare > 0.8) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "share is the part of leads marketing wants qualified: 0.05 to 0.8, e.g. 0.3");
    }
    final String id = UUID.randomUUID().toString();
    jdbc.update(
        """
        insert into definition_suggestion (id, leads_from, leads_until, holdout, qualified_share, state, step, requested_by, started_at)
        values (?, ?, ?, ?, ?, 'running', 'queued', ?, ?)""",
        id, from == null ? null : java.sql.Date.valueOf(from), until == null ? null : java.sql.Date.valueOf(until), holdout, qualifiedShare, user,
        Timestamp.from(clock.instant()));
    runner.submit(() -> run(id, from, until, holdout, qualifiedShare, user));
    return find(id).orElseThrow();
  }

  public Optional<Suggestion> find(final String id) {
    return jdbc.query(SELECT + " where id = ?", this::read, id).stream().findFirst();
  }

  /** The newest suggestions first. */
  public List<Suggestion> recent(final int limit) {
    return jdbc.query(SELECT + " order by started_at desc limit ?", this::read, limit);
  }

  private Suggestion read(final java.sql.ResultSet row, final int i) throws java.sql.SQLException {
    final Map<?, ?> result = row.getString(9) == null ? Map.of() : json(row.getString(9));
    return new Suggestion(
        row.getString(1), row.getString(2), row.getString(3), row.getObject(4, LocalDate.class), row.getObject(5, LocalDate.class),
        row.getDouble(6), row.getDouble(7), row.getString(8), result.get("heldOut"), result.get("criteria"), result.get("warnings"),
        row.getString(10), row.getString(11), row.getTimestamp(12).toInstant(), row.getTimestamp(13) == null ? null : row.getTimestamp(13).toInstant());
  }

  private void run(final String id, final LocalDate from, final LocalDate until, final double holdout, final double share, final String user) {
    try {
      step(id, "reading leads");
      final List<Judged> train = new ArrayList<>();
      final List<Judged> heldOut = new ArrayList<>();
      final int[] undecided = {0};
      history.each(Replays.start(from), Replays.end(until), lead -> {
        if (!lead.outcomeKnown()) {
          undecided[0]++;
        } else {
          (HoldOut.contains(lead.id(), holdout) ? heldOut : train).add(lead);
        }
      });
      final List<String> warnings = new ArrayList<>();
      if (undecided[0] > 0) {
        warnings.add(undecided[0] + " leads of the span are still on their way (not converted, journey not over) and were left out: "
            + "their outcome is not known yet");
      }
      checkEnough(train, heldOut, warnings);
      step(id, "choosing criteria from " + train.size() + " leads");
      final var screened = CandidateFeatures.of(train);
      warnings.addAll(screened.warnings());
      final List<ScorecardFit.Scored> scorecard = ScorecardFit.fit(train, screened.features(), MAX_CRITERIA);
      if (scorecard.isEmpty()) {
        throw new IllegalStateException("no criterion predicts conversion in these leads; nothing to suggest");
      }
      final List<Criterion> criteria = scorecard.stream()
          .map(s -> new Criterion(Map.of(s.feature().field(), s.feature().test()), s.feature().label(), s.points(), Criterion.FIT)).toList();
      final var live = definitions.version(definitions.live()).orElseThrow();
      final var thresholds = ShareThreshold.forShare(train, scorecard, share, live.thresholds());
      step(id, "writing the draft");
      final var draft = definitions.draft(null, "Suggested from " + describe(from, until) + " (" + train.size() + " leads; evidence on "
          + heldOut.size() + " held out)", criteria, thresholds, user);
      step(id, "measuring on " + heldOut.size() + " held-out leads");
      final Map<String, Object> evidence = new LinkedHashMap<>();
      evidence.put("leads", heldOut.size());
      evidence.put("suggested", HeldOutEvidence.of(heldOut, new DefinitionEvaluator(definitions.dmn(draft.version()).orElseThrow(), criteria), thresholds));
      evidence.put("live", HeldOutEvidence.of(heldOut, new DefinitionEvaluator(definitions.dmn(live.version()).orElseThrow(), live.criteria()),
          live.thresholds()));
      evidence.put("liveVersion", live.version());
      final Map<String, Object> result = new LinkedHashMap<>();
      result.put("heldOut", evidence);
      result.put("criteria", scorecard.stream().map(s -> Map.of("criterion", s.feature().label() + ": +" + s.points(), "field", s.feature().field(),
          "test", s.feature().test(), "points", s.points(), "weight", HeldOutEvidence.round(s.weight(), 3))).toList());
      result.put("warnings", warnings);
      jdbc.update(
          "update definition_suggestion set state = 'done', step = null, draft_version = ?, result = ?, finished_at = ? where id = ?",
          draft.version(), JSON.writeValueAsString(result), Timestamp.from(clock.instant()), id);
    } catch (final RuntimeException | JsonProcessingException e) {
      LOG.warn("Definition suggestion {} failed", id, e);
      final String message = e instanceof ResponseStatusException r ? r.getReason() : String.valueOf(e.getMessage());
      jdbc.update("update definition_suggestion set state = 'failed', finished_at = ?, failure = ? where id = ?",
          Timestamp.from(clock.instant()), message.substring(0, Math.min(500, message.length())), id);
    }
  }

  /** Too few leads, or too few of either outcome, learn noise: refused, or warned about. */
  private static void checkEnough(final List<Judged> train, final List<Judged> heldOut, final List<String> warnings) {
    final long converted = train.stream().filter(Judged::sql).count();
    if (train.size() + heldOut.size() < MIN_LEADS || converted < MIN_EACH_OUTCOME / 3 || train.size() - converted < MIN_EACH_OUTCOME / 3) {
      throw new IllegalStateException("too few leads with a known outcome in this span (" + (train.size() + heldOut.size()) + ", " + converted
          + " converted in the learning part); at least " + MIN_LEADS + " with " + MIN_EACH_OUTCOME + " of each outcome give a suggestion worth reading");
    }
    if (converted < MIN_EACH_OUTCOME || train.size() - converted < MIN_EACH_OUTCOME) {
      warnings.add("only " + converted + " of " + train.size() + " learning leads converted: the points are rough; widen the span");
    }
  }

  private static String describe(final LocalDate from, final LocalDate until) {
    return (from == null ? "all leads" : "leads from " + from) + (until == null ? "" : " until " + until);
  }

  private void step(final String id, final String step) {
    jdbc.update("update definition_suggestion set step = ? where id = ?", step, id);
  }

  private static Map<?, ?> json(final String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void destroy() {
    runner.shutdownNow();
  }
}
