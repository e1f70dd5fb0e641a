package com.leadjourney.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.Date;
import java.sql.Time;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Sales ops sets up who takes leads: teams, their hours and holidays, members, territories, absences. */
@RestController
class TeamController {

  record Member(@NotBlank String username, @Min(value = 1, message = "must be 1 or more") int weight, @Min(0) Integer maxOpen, boolean active) {}

  record Holiday(@NotNull LocalDate day, @Size(max = 200) String name) {}

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

  record Absence(@NotBlank String username, @NotNull Instant startsAt, @NotNull Instant endsAt, @Size(max = 200) String reason) {}

  private final JdbcTemplate jdbc;
  private final TeamRoster roster;

  TeamController(final JdbcTemplate jdbc, final TeamRoster roster) {
    this.jdbc = jdbc;
    this.roster = roster;
  }

  @GetMapping("/api/teams")
  List<Map<String, Object>> teams() {
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
  @PutMapping("/api/teams/{id}")
  @Transactional
  Map<String, Object> put(@PathVariable final String id, @Valid @RequestBody final Team team, final Authentication user) {
    validate(id, team);
    roster.checkMayChange(user, id, team.manager(), team.function(), team.isDefault());
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
    return teams().stream().filter(t -> id.equals(t.get("id"))).findFirst().orElseThrow();
  }

  @PostMapping("/api/out-of-office")
  ResponseEntity<Map<String, Object>> away(@Valid @RequestBody final Absence absence, final Authentication user) {
    if (!absence.endsAt().isAfter(absence.startsAt())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "endsAt must be after startsAt");
    }
    roster.checkManagesMember(user, absence.username());
    roster.recordAbsence(user.getName(), "member", absence.username(), absence.username(), absence.startsAt(), absence.endsAt(), absence.reason());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("username", absence.username(), "startsAt", absence.startsAt(), "endsAt", absence.endsAt()));
  }

  @GetMapping("/api/out-of-office")
  List<TeamRoster.Absence> absences(final Authentication user) {
    return roster.absencesVisibleTo(user);
  }

  @DeleteMapping("/api/out-of-office/{id}")
  ResponseEntity<Void> back(@PathVariable final long id, final Authentication user) {
    roster.endAbsence(user, id);
    return ResponseEntity.noContent().build();
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
