package com.leadjourney.routing;

import com.leadjourney.security.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.Date;
import java.sql.Time;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who takes leads: teams with their function, manager, time zone, work days, opening hours,
 * holidays, members (weight, cap, active) and territory rules. Sales ops sets them up; a manager
 * only the teams they manage.
 */
@Service
class TeamSetup {

  record Member(@NotBlank String username, @Min(value = 1, message = "must be 1 or more") int weight, @Min(0) Integer maxOpen, boolean active) {}

  record Holiday(@NotNull @com.leadjourney.platform.StorableDate LocalDate day, @Size(max = 200) String name) {}

  record Territory(@Min(0) int rank, @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO country code such as DE") String country,
      @Size(max = 60) String industry, @Min(0) Integer minCompanySize, @Min(0) Integer maxCompanySize) {}

  record Team(
      @NotBlank @Size(max = 200) String name,
      @NotNull @Pattern(regexp = "xdr|ae", message = "must be xdr (works MQLs) or ae (accepts SQLs)") String function,
      boolean isDefault,
      @Size(max = 100) String manager,
      @NotBlank String timeZone,
      @NotBlank @Pattern(regexp = "[A-Za-z,]+", message = "must list days such as MON,TUE,WED,THU,FRI") String workDays,
      @NotNull LocalTime opens,
      @NotNull LocalTime closes,
      List<@Valid Holiday> holidays,
      @NotNull @Size(min = 1, message = "needs at least one member") List<@Valid Member> members,
      List<@Valid Territory> territories) {}

  private final JdbcTemplate jdbc;
  private final Teams teams;

  private final com.leadjourney.audit.Audit audit;

  private final KnownPeople people;

  TeamSetup(final JdbcTemplate jdbc, final Teams teams, final com.leadjourney.audit.Audit audit, final KnownPeople people) {
    this.people = people;
    this.audit = audit;
    this.jdbc = jdbc;
    this.teams = teams;
  }

  /** Every team with its members, holidays and territory rules. */
  List<Map<String, Object>> all() {
    return jdbc.queryForList("select * from sales_team order by id").stream()
        .map(
            team -> {
              final Object id = team.get("id");
              team.put("members", jdbc.queryForList(
                  "select username, weight, max_open, active, open_assignments from team_member where team_id = ? order by username", id));
              team.put("holidays", jdbc.queryForList("select day, name from team_holiday where team_id = ? order by day", id));
              team.put("territories", jdbc.queryForList(
                  "select rank_order, country, industry, min_company_size, max_company_size from territory_rule where team_id = ? order by rank_order", id));
              return team;
            })
        .toList();
  }

  /**
   * Creates or replaces a team. Members left out are deactivated, not deleted: their open leads and
   * counts stay until those close.
   */
  @Transactional
  Map<String, Object> save(final String id, final Team team, final Authentication user) {
    validate(id, team);
    checkMayChange(user, id, team.manager(), team.function(), team.isDefault());
    people.check(team.members().stream().map(Member::username).toList(), "team " + id + "'s members");
    final Map<String, Object> before = all().stream().filter(t -> id.equals(t.get("id"))).findFirst().orElse(null);
    jdbc.update(
        """
        insert into sales_team (id, name, team_function, is_default, manager, time_zone, work_days, opens, closes)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
        on duplicate key update name = values(name), team_function = values(team_function), is_default = values(is_default),
          manager = values(manager), time_zone = values(time_zone), work_days = values(work_days), opens = values(opens), closes = values(closes)""",
        id, team.name(), team.function(), team.isDefault(), team.manager(), team.timeZone(),
        Teams.workDaysText(Teams.workDays(team.workDays())), Time.valueOf(team.opens()), Time.valueOf(team.closes()));
    if (team.isDefault()) {
      jdbc.update("update sales_team set is_default = false where team_function = ? and id <> ?", team.function(), id);
    }
    jdbc.update("update team_member set active = false where team_id = ?", id);
    for (final Member member : team.members()) {
      jdbc.update(
          """
          insert into team_member (team_id, username, weight, max_open, active) values (?, ?, ?, ?, ?)
          on duplicate key update weight = values(weight), max_open = values(max_open), active = values(active)""",
          id, member.username(), member.weight(), member.maxOpen(), member.active());
    }
    jdbc.update("delete from team_holiday where team_id = ?", id);
    for (final Holiday holiday : team.holidays() == null ? List.<Holiday>of() : team.holidays()) {
      jdbc.update("insert into team_holiday (team_id, day, name) values (?, ?, ?)", id, Date.valueOf(holiday.day()), holiday.name());
    }
    jdbc.update("delete from territory_rule where team_id = ?", id);
    for (final Territory rule : team.territories() == null ? List.<Territory>of() : team.territories()) {
      jdbc.update(
          "insert into territory_rule (team_id, rank_order, country, industry, min_company_size, max_company_size) values (?, ?, ?, ?, ?, ?)",
          id, rule.rank(), rule.country(), rule.industry(), rule.minCompanySize(), rule.maxCompanySize());
    }
    final Map<String, Object> after = all().stream().filter(t -> id.equals(t.get("id"))).findFirst().orElseThrow();
    // Weights, caps, members, hours and territories: who changed the routing, from what to what.
    audit.record(user.getName(), before == null ? "team.created" : "team.changed", "team", id, null, before, after);
    return after;
  }

  /**
   * Whether the user may create or replace the team: an admin any; a manager the teams they manage,
   * or a new team with themselves as its manager. Making a team the default of its function takes
   * the default from another team, so that needs the other team's manager too.
   */
  void checkMayChange(final Authentication user, final String teamId, final String newManager, final String function, final boolean makeDefault) {
    if (Roles.has(user, "ADMIN")) {
      return;
    }
    final boolean exists = jdbc.queryForObject("select count(*) from sales_team where id = ?", Integer.class, teamId) > 0;
    if (exists && teams.managerOf(teamId).filter(user.getName()::equals).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the manager of team " + teamId + " (or an admin) changes it");
    }
    if (!exists && !user.getName().equals(newManager)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "A manager creates teams they manage: set manager to " + user.getName());
    }
    if (makeDefault) {
      final var currentDefault = jdbc.queryForList(
          "select id from sales_team where team_function = ? and is_default and id <> ?", String.class, function, teamId);
      for (final String other : currentDefault) {
        if (teams.managerOf(other).filter(user.getName()::equals).isEmpty()) {
          throw new ResponseStatusException(HttpStatus.FORBIDDEN,
              "Team " + other + " is the default " + function + " team; only its manager (or an admin) hands the default on");
        }
      }
    }
  }

  private static void validate(final String id, final Team team) {
    if (!id.matches("[a-z0-9-]{1,60}")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "team id must be 1-60 lower-case letters, digits or '-'");
    }
    try {
      ZoneId.of(team.timeZone());
    } catch (final DateTimeException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "timeZone '" + team.timeZone() + "' is not a time zone such as Europe/Berlin");
    }
    try {
      Teams.workDays(team.workDays());
    } catch (final IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }
}
