package com.leadjourney.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

  private static final LocalDate EARLIEST = LocalDate.of(1000, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(9999, 1, 1);

  private final JdbcTemplate jdbc;
  private final LeadHistory history;
  private final Definitions definitions;
  private final Clock clock;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("definition-replay").daemon().unstarted(r));

  Replays(final JdbcTemplate jdbc, final LeadHistory history, final Definitions definitions, final Clock clock) {
    this.jdbc = jdbc;
    this.definitions = definitions;
    this.clock = clock;
    this.history = history;
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
    final Timestamp start = start(from);
    final Timestamp end = end(until);
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

  /** The first instant of a span starting {@code from} (none: the earliest lead). */
  static Timestamp start(final LocalDate from) {
    return Timestamp.valueOf((from == null ? EARLIEST : from).atStartOfDay());
  }

  /** The end of a span until {@code until}, exclusive (none: no end). */
  static Timestamp end(final LocalDate until) {
    return Timestamp.valueOf((until == null ? LATEST : until).atStartOfDay());
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
      history.each(from, until, lead -> {
        final var fit = evaluator.fit(lead.fields());
        final Integer size = lead.companySize();
        tally.add(QualificationDecisions.segment(size), lead.source(), LeadHistory.qualified(fit, lead.engagement(), thresholds), lead.sql(),
            lead.opportunity(), lead.won());
        if (++processed[0] % PROGRESS_EVERY == 0) {
          jdbc.update("update definition_replay set processed = ? where id = ?", processed[0], id);
        }
      });
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
