package com.leadjourney.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding leads: by name, email or company, stage and owner, newest first, a page at a time, within
 * what the asker may see. Owners and teams come from the routing decisions (read, not written).
 */
@Service
public class LeadSearch {

  /** Who sees which leads: everyone's ({@link #EVERYONE}), or those routed to these teams or to this person. */
  public record Scope(boolean all, Set<String> teams, String person) {
    public static final Scope EVERYONE = new Scope(true, Set.of(), null);
  }

  public record Query(String text, String stage, String owner, int page, int size) {}

  public record Found(String id, String name, String email, String company, String title, String stage, String owner, String journeyResult,
      Instant createdAt) {}

  public record Page(List<Found> items, int page, int size, long total) {}

  private final JdbcTemplate jdbc;

  LeadSearch(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Page find(final Query query, final Scope scope) {
    final StringBuilder where = new StringBuilder(" where l.merged_into is null");
    final List<Object> args = new ArrayList<>();
    if (query.text() != null && !query.text().isBlank()) {
      final String like = "%" + query.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      where.append(" and (lower(l.email) like ? or lower(l.company) like ? or lower(concat_ws(' ', l.first_name, l.last_name)) like ?)");
      args.addAll(List.of(like, like, like));
    }
    if (query.stage() != null && !query.stage().isBlank()) {
      where.append(" and l.stage = ?");
      args.add(query.stage());
    }
    if (query.owner() != null && !query.owner().isBlank()) {
      where.append(" and exists (select 1 from routing_decision o where o.lead_id = l.id and o.assignee = ?)");
      args.add(query.owner());
    }
    if (!scope.all()) {
      final List<String> teams = scope.teams().isEmpty() ? List.of("") : List.copyOf(scope.teams()); // "in ()" is no SQL
      where.append(" and exists (select 1 from routing_decision s where s.lead_id = l.id and (s.assignee = ? or s.team in (")
          .append(String.join(",", Collections.nCopies(teams.size(), "?"))).append(")))");
      args.add(scope.person());
      args.addAll(teams);
    }
    final long total = jdbc.queryForObject("select count(*) from leads l" + where, Long.class, args.toArray());
    final List<Object> paged = new ArrayList<>(args);
    paged.add(query.size());
    paged.add((long) query.page() * query.size());
    final List<Found> items = jdbc.query(
        """
        select l.id, l.first_name, l.last_name, l.email, l.company, l.title, l.stage, l.journey_result, l.created_at,
          (select d.assignee from routing_decision d where d.lead_id = l.id order by d.decided_at desc, d.job_key desc limit 1) owner
        from leads l""" + where + " order by l.created_at desc, l.id limit ? offset ?",
        (row, i) -> new Found(
            row.getString(1), Lead.displayName(row.getString(2), row.getString(3), row.getString(4)), row.getString(4), row.getString(5), row.getString(6),
            row.getString(7), row.getString(10), row.getString(8), row.getTimestamp(9).toInstant()),
        paged.toArray());
    return new Page(items, query.page(), query.size(), total);
  }

}
