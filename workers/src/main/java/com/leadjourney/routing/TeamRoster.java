package com.leadjourney.routing;

import com.leadjourney.audit.Audit;
import com.leadjourney.security.Roles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A manager's view of their teams: who is available, who is away and until when, how full each
 * member's queue is against their cap. Changes are the manager's decisions, so they are audited.
 */
@Service
public class TeamRoster {

  public record Member(String username, int weight, Integer maxOpen, boolean active, int openAssignments, Instant awayUntil) {

    /** Share of the cap in use, 0-100; null without a cap. */
    public Integer loadPercent() {
      return maxOpen == null || maxOpen == 0 ? null : Math.min(100, openAssignments * 100 / maxOpen);
    }
  }

  public record Absence(long id, String username, Instant startsAt, Instant endsAt, String reason) {}

  public record Team(String id, String name, String function, ZoneId timeZone, List<Member> members, List<Absence> absences) {

    public int open() {
      return members.stream().mapToInt(Member::openAssignments).sum();
    }

    /** Total cap of the active members; null when any of them has none. */
    public Integer capacity() {
      final var active = members.stream().filter(Member::active).toList();
      return active.stream().anyMatch(m -> m.maxOpen() == null) ? null : active.stream().mapToInt(Member::maxOpen).sum();
    }
  }

  private final JdbcTemplate jdbc;
  private final Teams teams;
  private final Audit audit;
  private final Clock clock;

  private final KnownPeople people;

  TeamRoster(final JdbcTemplate jdbc, final Teams teams, final Audit audit, final Clock clock, final KnownPeople people) {
    this.people = people;
    this.jdbc = jdbc;
    this.teams = teams;
    this.audit = audit;
    this.clock = clock;
  }

  /** The teams the user manages; every team for an admin. */
  public List<Team> managedBy(final Authentication user) {
    final var ids = Roles.has(user, "ADMIN")
        ? teams.allTeams()
        : jdbc.queryForList("select id from sales_team where manager = ? order by id", String.class, user.getName());
    return ids.stream().map(this::team).toList();
  }

  @Transactional
  public void setAvailable(final Authentication user, final String teamId, final String username, final boolean available) {
    final Member member = member(user, teamId, username);
    jdbc.update("update team_member set active = ? where team_id = ? and username = ?", available, teamId, username);
    audit.record(user.getName(), "team.availability", "team", teamId, null,
        Audit.state("member", username, "available", member.active()), Audit.state("member", username, "available", available));
  }

  /** An absence in the team's own time zone; routing skips the member while it lasts. */
  @Transactional
  public void addAbsence(
      final Authentication user, final String teamId, final String username, final LocalDateTime from, final LocalDateTime until, final String reason) {
    member(user, teamId, username);
    final ZoneId zone = teams.hoursOf(teamId).zone();
    final Instant startsAt = from.atZone(zone).toInstant();
    final Instant endsAt = until.atZone(zone).toInstant();
    if (!endsAt.isAfter(startsAt)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The absence must end after it starts");
    }
    recordAbsence(user.getName(), "team", teamId, username, startsAt, endsAt, reason);
  }

  /**
   * Stores an absence and who entered it, from the team page or the API ({@code subjectType} team or
   * member); routing skips the member while it lasts.
   */
  @Transactional
  public void recordAbsence(
      final String by, final String subjectType, final String subjectId, final String username, final Instant startsAt, final Instant endsAt,
      final String reason) {
    people.check(username, "an absence");
    final String stated = reason == null || reason.isBlank() ? null : reason.strip();
    jdbc.update("insert into out_of_office (username, starts_at, ends_at, reason) values (?, ?, ?, ?)",
        username, Timestamp.from(startsAt), Timestamp.from(endsAt), stated);
    audit.record(by, "team.out-of-office", subjectType, subjectId, null, null,
        Audit.state("member", username, "startsAt", startsAt, "endsAt", endsAt, "reason", stated));
  }

  @Transactional
  public void endAbsence(final Authentication user, final String teamId, final long absenceId) {
    final Absence absence = team(teamId).absences().stream().filter(a -> a.id() == absenceId).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No absence " + absenceId + " in team " + teamId));
    member(user, teamId, absence.username());
    jdbc.update("delete from out_of_office where id = ?", absenceId);
    audit.record(user.getName(), "team.back", "team", teamId, null,
        Audit.state("member", absence.username(), "startsAt", absence.startsAt(), "endsAt", absence.endsAt()), null);
  }

  /** Absences are entered and ended by the manager of a team the person is in (or an admin). */
  public void checkManagesMember(final Authentication user, final String username) {
    if (!Roles.has(user, "ADMIN") && !teams.supervises(user.getName(), username)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, username + " is not in a team you manage");
    }
  }

  /** Absences a person may see: their own and their teams' (as member or manager); an admin all. */
  public List<Absence> absencesVisibleTo(final Authentication user) {
    final RowMapper<Absence> absence = (row, i) ->
        new Absence(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant(), row.getTimestamp(4).toInstant(), row.getString(5));
    if (Roles.has(user, "ADMIN")) {
      return jdbc.query("select o.id, o.username, o.starts_at, o.ends_at, o.reason from out_of_office o order by o.starts_at", absence);
    }
    return jdbc.query(
        """
        select o.id, o.username, o.starts_at, o.ends_at, o.reason from out_of_office o
        where o.username = ? or o.username in (select m.username from team_member m join sales_team t on t.id = m.team_id
          where t.manager = ? or t.id in (select team_id from team_member where username = ?))
        order by o.starts_at""",
        absence, user.getName(), user.getName(), user.getName());
  }

  /** Ends an absence by its id, for the manager of a team the person is in. */
  @Transactional
  public void endAbsence(final Authentication user, final long absenceId) {
    final List<String> whose = jdbc.queryForList("select username from out_of_office where id = ?", String.class, absenceId);
    if (whose.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No absence " + absenceId);
    }
    checkManagesMember(user, whose.getFirst());
    jdbc.update("delete from out_of_office where id = ?", absenceId);
    audit.record(user.getName(), "team.back", "member", whose.getFirst(), null, Audit.state("absence", absenceId), null);
  }

  /** The member, when the user manages their team. */
  private Member member(final Authentication user, final String teamId, final String username) {
    if (!Roles.has(user, "ADMIN") && teams.managerOf(teamId).filter(user.getName()::equals).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the manager of " + teamId + " changes its members");
    }
    return team(teamId).members().stream().filter(m -> m.username().equals(username)).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, username + " is not a member of " + teamId));
  }

  private Team team(final String teamId) {
    final Timestamp now = Timestamp.from(clock.instant());
    final List<Member> members = jdbc.query(
        """
        select m.username, m.weight, m.max_open, m.active, m.open_assignments,
          (select max(o.ends_at) from out_of_office o where o.username = m.username and o.starts_at <= ? and o.ends_at > ?) away_until
        from team_member m where m.team_id = ? order by m.username""",
        (row, i) -> new Member(row.getString(1), row.getInt(2), (Integer) row.getObject(3, Integer.class), row.getBoolean(4), row.getInt(5),
            row.getTimestamp(6) == null ? null : row.getTimestamp(6).toInstant()),
        now, now, teamId);
    final List<Absence> absences = jdbc.query(
        """
        select o.id, o.username, o.starts_at, o.ends_at, o.reason from out_of_office o
        where o.ends_at > ? and o.username in (select username from team_member where team_id = ?) order by o.starts_at""",
        (row, i) -> new Absence(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant(), row.getTimestamp(4).toInstant(), row.getString(5)),
        now, teamId);
    return jdbc.queryForObject("select id, name, team_function, time_zone from sales_team where id = ?",
        (row, i) -> new Team(row.getString(1), row.getString(2), row.getString(3), ZoneId.of(row.getString(4)), members, absences), teamId);
  }
}
