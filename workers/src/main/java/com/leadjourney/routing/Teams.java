package com.leadjourney.routing;

import com.leadjourney.notification.Supervision;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The sales teams as routing reads them: which team a lead belongs to and when that team works. */
@Service
public class Teams implements Supervision {

  /** What a territory rule matches on. */
  public record LeadSegment(String country, String industry, Integer companySize) {}

  private final JdbcTemplate jdbc;

  Teams(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The team of the function whose territory rule matches first by rank, else the function's default team. */
  public String teamFor(final String function, final LeadSegment lead) {
    return jdbc.query(
            """
            select r.team_id from territory_rule r join sales_team t on t.id = r.team_id
            where t.team_function = ?
              and (r.country is null or r.country = ?)
              and (r.industry is null or r.industry = ?)
              and (r.min_company_size is null or r.min_company_size <= ?)
              and (r.max_company_size is null or r.max_company_size >= ?)
            order by r.rank_order, r.id limit 1""",
            (row, i) -> row.getString(1),
            function, lead.country(), lead.industry(), lead.companySize(), lead.companySize())
        .stream()
        .findFirst()
        .or(() -> defaultTeam(function))
        .orElseThrow(() -> new IllegalStateException("No default " + function + " team: create one with PUT /api/teams/{id}"));
  }

  private Optional<String> defaultTeam(final String function) {
    return jdbc.queryForList("select id from sales_team where team_function = ? and is_default order by id limit 1", String.class, function)
        .stream().findFirst();
  }

  public BusinessHours hoursOf(final String teamId) {
    final Set<LocalDate> holidays =
        new HashSet<>(jdbc.query("select day from team_holiday where team_id = ?", (row, i) -> row.getDate(1).toLocalDate(), teamId));
    return jdbc.queryForObject(
        "select time_zone, work_days, opens, closes from sales_team where id = ?", (row, i) -> hours(row, holidays), teamId);
  }

  public Optional<String> managerOf(final String teamId) {
    return jdbc.queryForList("select manager from sales_team where id = ?", String.class, teamId).stream().filter(m -> m != null).findFirst();
  }

  public List<String> allTeams() {
    return jdbc.queryForList("select id from sales_team order by id", String.class);
  }

  /** The teams the person manages. */
  public List<String> managedBy(final String username) {
    return jdbc.queryForList("select id from sales_team where manager = ? order by id", String.class, username);
  }

  /** True when {@code member} is in a team {@code manager} manages (an active member or not). */
  @Override
  public boolean supervises(final String manager, final String member) {
    return jdbc.queryForObject(
        "select count(*) from team_member m join sales_team t on t.id = m.team_id where t.manager = ? and m.username = ?",
        Integer.class, manager, member) > 0;
  }

  /** Who in the team can take a lead (active members), by name. */
  public List<String> activeMembers(final String teamId) {
    return jdbc.queryForList("select username from team_member where team_id = ? and active order by username", String.class, teamId);
  }

  /** The active teams of a function the user belongs to: where an account owner's leads may go. */
  public List<String> teamsOfMember(final String function, final String username) {
    return jdbc.queryForList(
        "select m.team_id from team_member m join sales_team t on t.id = m.team_id where t.team_function = ? and m.username = ? and m.active order by m.team_id",
        String.class, function, username);
  }

  static BusinessHours hours(final ResultSet row, final Set<LocalDate> holidays) throws SQLException {
    return new BusinessHours(
        ZoneId.of(row.getString("time_zone")), workDays(row.getString("work_days")), row.getTime("opens").toLocalTime(),
        row.getTime("closes").toLocalTime(), holidays);
  }

  static Set<DayOfWeek> workDays(final String days) {
    final Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
    Arrays.stream(days.split(",")).map(String::strip).filter(d -> !d.isEmpty()).forEach(d -> result.add(dayOf(d)));
    return result;
  }

  static String workDaysText(final Set<DayOfWeek> days) {
    return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
  }

  private static DayOfWeek dayOf(final String abbreviation) {
    return Arrays.stream(DayOfWeek.values())
        .filter(d -> d.name().startsWith(abbreviation.toUpperCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("workDays: '" + abbreviation + "' is not a day (MON, TUE, … SUN)"));
  }
}
