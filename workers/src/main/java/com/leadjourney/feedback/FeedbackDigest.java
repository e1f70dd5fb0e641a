package com.leadjourney.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What sales said back, for marketing: the reasons leads were recycled, rejected or lost and the
 * objections heard, grouped by campaign, source or definition version.
 */
@Service
public class FeedbackDigest {

  /** The dimensions marketing groups feedback by, and their columns. */
  public static final Map<String, String> DIMENSIONS = Map.of("campaign", "campaign", "source", "source", "version", "definition_version");

  public record ReasonCount(String group, String reason, int count) {}

  public record ObjectionCount(String group, String objection, int count) {}

  public record Digest(String by, Instant since, List<ReasonCount> reasons, List<ObjectionCount> objections) {}

  private final JdbcTemplate jdbc;

  FeedbackDigest(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** @param by campaign, source or version; anything else is read as campaign */
  public Digest since(final Instant since, final String by) {
    final String dimension = DIMENSIONS.containsKey(by) ? by : "campaign";
    final String column = DIMENSIONS.get(dimension);
    final Timestamp from = Timestamp.from(since);
    final List<ReasonCount> reasons = jdbc.query(
        "select coalesce(" + column + ", '(none)') g, reason, count(*) n from feedback where recorded_at >= ? group by g, reason order by g, n desc, reason",
        (row, i) -> new ReasonCount(row.getString(1), row.getString(2), row.getInt(3)), from);
    // Objections are free text, several to a line: counted one by one, case and spacing aside.
    final Map<String, Map<String, Integer>> objections = new HashMap<>();
    jdbc.query(
        "select coalesce(" + column + ", '(none)'), objections from feedback where recorded_at >= ? and objections is not null",
        row -> {
          for (final String objection : row.getString(2).split("[,;\\n]")) {
            final String said = objection.strip().toLowerCase(Locale.ROOT);
            if (!said.isEmpty()) {
              objections.computeIfAbsent(row.getString(1), g -> new HashMap<>()).merge(said, 1, Integer::sum);
            }
          }
        },
        from);
    final List<ObjectionCount> heard = objections.entrySet().stream()
        .flatMap(g -> g.getValue().entrySet().stream().map(o -> new ObjectionCount(g.getKey(), o.getKey(), o.getValue())))
        .sorted(Comparator.comparing(ObjectionCount::group).thenComparing(Comparator.comparingInt(ObjectionCount::count).reversed())
            .thenComparing(ObjectionCount::objection))
        .toList();
    return new Digest(dimension, since, reasons, heard);
  }
}
