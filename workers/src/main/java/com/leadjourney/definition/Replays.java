package com.leadjourney.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.lead.Lead;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Replays a definition version (a draft or an old one) over every historical lead in the
 * background: would it have qualified the lead, and how far did the lead really get (SQL,
 * opportunity, won — from the journeys or from imported history)? Progress and the result are
 * stored, so anyone can look while it runs and after.
 */
@Service
public class Replays implements DisposableBean {

  /** A replay as the API shows it. */
  public record Replay(
      String id, String version, LocalDate leadsFrom, LocalDate leadsUntil, String state, int processed, int total, String requestedBy, Instant startedAt, Instant finishedAt,
      Object result, String failure) {}

  private static final Logger LOG = LoggerFactory.getLogger(Replays.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PROGRESS_EVERY = 5_000;

  /** Engagement is judged only where a decision measured it; imported leads are judged on fit. */
  private static final String HISTORY =
      """
      select l.source, l.industry, l.role, l.seniority, l.decision_stage, l.budget, l.path_to_purchase, l.pain, l.company_size, l.annual_revenue,
        l.history_stage, l.custom_fields,
        exists (select 1 from human_task t where t.lead_id = l.id and t.process_id = 'xdr-handoff' and t.outcome = 'meeting-booked'),
        exists (select 1 from opportunity o where o.lead_id = l.id),
        exists (select 1 from opportunity o where o.lead_id = l.id and o.stage = 'closed-won'),
        (select d.engagement_score from qualification_decision d where d.lead_id = l.id order by d.visit desc limit 1)
      from leads l where l.merged_into is null and l.created_at >= ? and l.created_at < ?""";
  private static final LocalDate EARLIEST = LocalDate.of(1000, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(9999, 1, 1);

  private final JdbcTemplate jdbc;
  private final JdbcTemplate streaming;
  private final Definitions definitions;
  private final Clock clock;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("definition-replay").daemon().unstarted(r));

  Replays(final JdbcTemplate jdbc, final DataSource dataSource, final Definitions definitions, final Clock clock) {
    this.jdbc = jdbc;
    this.definitions = definitions;
    this.clock = clock;
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(Integer.MIN_VALUE); // Connector/J streams row by row instead of loading 100k rows
    // A replay a restart cut short is not silently "running" for ever.
    jdbc.update("update definition_replay set state = 'failed', failure = 'interrupted by a restart; start it again' where state = 'running'");
  }

  /** Starts a replay of the version over the leads created in [from, until) (null: no bound); it runs after the ones queued. */
  public Replay start(final String version, final LocalDate from, final LocalDate until, final String user) {
    final var definition = definitions.version(version)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No definition version " + version));
    final String id = UUID.randomUUID().toString();
    if (from != null && until != null && !from.isBefore(until)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before until");
    }
    final Timestamp start = Timestamp.valueOf((from == null ? EARLIEST : from).atStartOfDay());
    final Timestamp end = Timestamp.valueOf((until == null ? LATEST : until).atStartOfDay());
    final int total =
        jdbc.queryForObject("select count(*) from leads where merged_into is null and created_at >= ? and created_at < ?", Integer.class, start, end);
    jdbc.update(
        "insert into definition_replay (id, version, leads_from, leads_until, state, total, requested_by, started_at) values (?, ?, ?, ?, 'running', ?, ?, ?)",
        id, version, from == null ? null : java.sql.Date.valueOf(from), until == null ? null : java.sql.Date.valueOf(until), total, user,
        Timestamp.from(clock.instant()));
    final String dmn = definitions.dmn(version).orElseThrow();
    runner.submit(() -> run(id, definition, dmn, start, end));
    return find(id).orElseThrow();
  }

  public Optional<Replay> find(final String id) {
    return jdbc.query(
            """
            select id, version, leads_from, leads_until, state, processed, total, requested_by, started_at, finished_at, result, failure
            from definition_replay where id = ?""",
            (row, i) -> new Replay(
                row.getString(1), row.getString(2), row.getObject(3, LocalDate.class), row.getObject(4, LocalDate.class),
                row.getString(5), row.getInt(6), row.getInt(7), row.getString(8), row.getTimestamp(9).toInstant(),
                row.getTimestamp(10) == null ? null : row.getTimestamp(10).toInstant(),
                row.getString(11) == null ? null : read(row.getString(11)), row.getString(12)),
            id)
        .stream().findFirst();
  }

  private void run(final String id, final Definitions.Version definition, final String dmn, final Timestamp from, final Timestamp until) {
    try {
      final var evaluator = new DefinitionEvaluator(dmn, definition.criteria());
      final var thresholds = definition.thresholds();
      final var tally = new ReplayTally();
      final int[] processed = {0};
      streaming.query(HISTORY, row -> {
        final Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < DefinitionDmn.FIELDS.size(); i++) {
          fields.put(DefinitionDmn.FIELDS.get(i)[0], row.getObject(i + 2));
        }
        fields.put("customFields", Lead.customFieldsMap(row.getString(12)));
        final var fit = evaluator.fit(fields);
        final double engagement = row.getDouble(16);
        final boolean engagementKnown = !row.wasNull();
        final boolean qualified = !fit.disqualified() && fit.points() >= thresholds.mqlFit()
            && (!engagementKnown || engagement >= thresholds.mqlEngagement());
        final String history = row.getString(11);
        final boolean won = row.getBoolean(15) || "customer".equals(history);
        final boolean opportunity = won || row.getBoolean(14) || "opportunity".equals(history);
        final boolean sql = opportunity || row.getBoolean(13) || "sql".equals(history);
        final Number size = (Number) fields.get("companySize");
        tally.add(QualificationDecisions.segment(size == null ? null : size.intValue()), row.getString(1), qualified, sql, opportunity, won);
        if (++processed[0] % PROGRESS_EVERY == 0) {
          jdbc.update("update definition_replay set processed = ? where id = ?", processed[0], id);
        }
      }, from, until);
      jdbc.update(
          "update definition_replay set state = 'done', processed = ?, total = ?, finished_at = ?, result = ? where id = ?",
          processed[0], processed[0], Timestamp.from(clock.instant()), JSON.writeValueAsString(tally.result(definition.version())), id);
    } catch (final RuntimeException | JsonProcessingException e) {
      LOG.warn("Replay {} of {} failed", id, definition.version(), e);
      jdbc.update(
          "update definition_replay set state = 'failed', finished_at = ?, failure = ? where id = ?",
          Timestamp.from(clock.instant()), String.valueOf(e.getMessage()).substring(0, Math.min(500, String.valueOf(e.getMessage()).length())), id);
    }
  }

  private static Object read(final String json) {
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
