package com.leadjourney.routing;

import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Lead;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who takes a lead, in this order: the owner of its account; else the team its territory rules
 * name, by weighted round robin among members who are active, not out of office and under their
 * cap; else nobody yet: the lead waits in the team's queue (assignee null) and the manager is
 * alerted. Whoever takes it from the queue, or is given it, holds it from then on. Decided once per lead, stage visit and
 * attempt, stored with the rule that decided. The team's member rows stay locked until commit, so
 * concurrent routings queue and never both take the last slot of a capped person.
 */
@Service
public class TeamRouting {

  /**
   * @param assignee null: in the team's queue
   * @param decidedAt when it was decided: clocks derived from it are the same on every replay
   */
  public record Assignment(String teamId, String assignee, String rule, Instant decidedAt) {
    public boolean inTeamQueue() {
      return assignee == null;
    }
  }

  /**
   * @param function xdr or ae
   * @param accountOwner owner of the lead's account, if any
   */
  public record Request(
      String leadId, String stage, String function, int visit, int attempt, long jobKey, Teams.LeadSegment segment,
      String accountOwner) {}

  private record Member(String username, int weight, Integer maxOpen, long currentWeight, int openAssignments) {}

  private final JdbcTemplate jdbc;
  private final Teams teams;
  private final Timeline timeline;
  private final MeterRegistry meters;
  private final Clock clock;

  TeamRouting(final JdbcTemplate jdbc, final Teams teams, final Timeline timeline, final MeterRegistry meters, final Clock clock) {
    this.jdbc = jdbc;
    this.teams = teams;
    this.timeline = timeline;
    this.meters = meters;
    this.clock = clock;
  }

  /** What routing needs to know of a lead: its territory attributes and its account's owner. */
  public Request requestFor(
      final Lead lead, final String stage, final String function, final int visit, final int attempt, final long jobKey) {
    final String owner =
        lead.getAccountId() == null
            ? null
            : jdbc.queryForList("select owner from account where id = ?", String.class, lead.getAccountId()).stream()
                .filter(o -> o != null).findFirst().orElse(null);
    return new Request(
        lead.getId(), stage, function, visit, attempt, jobKey,
        new Teams.LeadSegment(lead.getCountry(), lead.getProfile().industry(), lead.getProfile().companySize()), owner);
  }

  /** The lead's most recent decision in the stage: whose promise a running SLA clock is. */
  public Optional<Assignment> latest(final String leadId, final String stage) {
    return jdbc.query(
            "select team, assignee, rule, decided_at from routing_decision where lead_id = ? and stage = ? order by decided_at desc, job_key desc limit 1",
            (row, i) -> new Assignment(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant()),
            leadId, stage)
        .stream().findFirst();
  }

  public Optional<Assignment> earlier(final String leadId, final String stage, final int visit, final int attempt) {
    return jdbc.query(
            "select team, assignee, rule, decided_at from routing_decision where lead_id = ? and stage = ? and visit = ? and attempt = ?",
            (row, i) -> new Assignment(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant()),
            leadId, stage, visit, attempt)
        .stream().findFirst();
  }

  /** Idempotent: a redelivered job or a rebuilt journey gets the decision already made. */
  @Transactional
  public Assignment assign(final Request request) {
    final var before = earlier(request.leadId(), request.stage(), request.visit(), request.attempt());
    if (before.isPresent()) {
      return before.get();
    }
    final Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored: a replay answers the same
    final Assignment assignment =
        toAccountOwner(request, now).orElseGet(() -> withinTeam(request, teams.teamFor(request.function(), request.segment()), now));
    jdbc.update(
        "insert into routing_decision (job_key, lead_id, team, stage, visit, attempt, assignee, rule, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        request.jobKey(), request.leadId(), assignment.teamId(), request.stage(), request.visit(), request.attempt(),
        assignment.assignee(), assignment.rule(), Timestamp.from(now));
    timeline.record(
        request.leadId(), JourneyEvent.Type.ROUTED, request.stage(),
        (assignment.inTeamQueue() ? "in team " + assignment.teamId() + "'s queue" : "assigned to " + assignment.assignee() + " in team " + assignment.teamId())
            + " (rule: " + assignment.rule() + ")",
        "routed:" + request.stage() + ":" + request.visit() + ":" + request.attempt());
    return assignment;
  }

  /** The person's lead left them (task completed or taken away): their cap frees a slot. */
  @Transactional
  public void release(final String leadId, final String stage, final int visit) {
    for (final Object[] decision : heldDecisions(leadId, stage, visit)) {
      jdbc.update(
          "update team_member set open_assignments = greatest(open_assignments - 1, 0) where team_id = ? and username = ?",
          decision[0], decision[1]);
    }
    jdbc.update(
        "update routing_decision set released_at = ? where lead_id = ? and stage = ? and visit = ? and released_at is null",
        Timestamp.from(clock.instant()), leadId, stage, visit);
  }

  /**
   * A manager gives the lead to someone else in the same team: the cap slot moves with it and the
   * decision says who decided. Refused when the new person is not an active, in-office member of that team.
   */
  @Transactional
  public void reassign(final String leadId, final String stage, final int visit, final String assignee, final String by) {
    final var held = heldDecisions(leadId, stage, visit);
    if (held.isEmpty()) {
      throw new IllegalArgumentException("The lead holds no routing decision in " + stage + " to reassign");
    }
    final String team = (String) held.get(0)[0];
    if (!isAvailableMember(team, assignee)) {
      throw new IllegalArgumentException(assignee + " is not an active, in-office member of team " + team);
    }
    for (final Object[] decision : held) {
      jdbc.update("update team_member set open_assignments = greatest(open_assignments - 1, 0) where team_id = ? and username = ?", team, decision[1]);
      jdbc.update("update routing_decision set assignee = ?, rule = ? where job_key = ?", assignee, "reassigned by " + by, decision[2]);
    }
    jdbc.update("update team_member set open_assignments = open_assignments + 1 where team_id = ? and username = ?", team, assignee);
    timeline.record(leadId, JourneyEvent.Type.ROUTED, stage, "reassigned to " + assignee + " by " + by, "reassigned:" + stage + ":" + visit + ":" + assignee
        + ":" + clock.instant().toEpochMilli());
  }

  /**
   * Someone takes the lead from the team's queue (or, as its manager, for themselves): the decision
   * names them from now on, and a member's cap counts it.
   */
  @Transactional
  public void taken(final String leadId, final String stage, final int visit, final String user) {
    final var held = heldDecisions(leadId, stage, visit);
    for (final Object[] decision : held) {
      jdbc.update("update routing_decision set assignee = ?, rule = ? where job_key = ?", user, "taken from the team queue by " + user, decision[2]);
      jdbc.update("update team_member set open_assignments = open_assignments + 1 where team_id = ? and username = ?", decision[0], user);
    }
    timeline.record(leadId, JourneyEvent.Type.ROUTED, stage, "taken from the team queue by " + user,
        "taken:" + stage + ":" + visit + ":" + user + ":" + clock.instant().toEpochMilli());
  }

  /** The holder (or the manager) hands the lead back: it waits in the team's queue again, the holder's cap slot freed. */
  @Transactional
  public void handedBack(final String leadId, final String stage, final int visit, final String by) {
    final var held = heldDecisions(leadId, stage, visit);
    for (final Object[] decision : held) {
      jdbc.update("update team_member set open_assignments = greatest(open_assignments - 1, 0) where team_id = ? and username = ?", decision[0], decision[1]);
      jdbc.update("update routing_decision set assignee = null, rule = ? where job_key = ?", "handed back to the team queue by " + by, decision[2]);
    }
    timeline.record(leadId, JourneyEvent.Type.ROUTED, stage, "handed back to the team queue by " + by,
        "handed-back:" + stage + ":" + visit + ":" + clock.instant().toEpochMilli());
  }

  /** Active in the team and not out of office now: whom a manager may give a lead to. */
  public boolean isAvailableMember(final String team, final String username) {
    return availableMembers(team).contains(username);
  }

  /** The team's active members not out of office now, by name: whom a manager may give a lead to, in one query. */
  public List<String> availableMembers(final String team) {
    final Timestamp now = Timestamp.from(clock.instant());
    return jdbc.queryForList(
        """
        select m.username from team_member m where m.team_id = ? and m.active
          and not exists (select 1 from out_of_office o where o.username = m.username and o.starts_at <= ? and o.ends_at > ?)
        order by m.username""",
        String.class, team, now, now);
  }

  /** team, assignee, job key of the visit's unreleased decisions, locked. */
  private List<Object[]> heldDecisions(final String leadId, final String stage, final int visit) {
    return jdbc.query(
        "select team, assignee, job_key from routing_decision where lead_id = ? and stage = ? and visit = ? and released_at is null for update",
        (row, i) -> new Object[] {row.getString(1), row.getString(2), row.getLong(3)},
        leadId, stage, visit);
  }

  private Optional<Assignment> toAccountOwner(final Request request, final Instant now) {
    if (request.accountOwner() == null) {
      return Optional.empty();
    }
    for (final String team : teams.teamsOfMember(request.function(), request.accountOwner())) {
      final var owner = lockMembers(team).stream().filter(m -> m.username().equals(request.accountOwner())).findFirst();
      if (owner.isPresent() && available(List.of(owner.get()), now).contains(owner.get())) {
        take(team, owner.get(), owner.get().currentWeight());
        return Optional.of(new Assignment(team, owner.get().username(), "account owner", now));
      }
    }
    return Optional.empty();
  }

  private Assignment withinTeam(final Request request, final String team, final Instant now) {
    final List<Member> members = lockMembers(team);
    final List<Member> eligible = available(members, now);
    if (eligible.isEmpty()) {
      final String manager = teams.managerOf(team).orElse(null);
      AfterCommit.run(() -> meters.counter("leadjourney.routing.unassigned", "team", team).increment());
      timeline.record(
          request.leadId(), JourneyEvent.Type.ROUTING_ALERT, request.stage(),
          "nobody in team " + team + " is available (out of office or at capacity): waiting in the team's queue"
              + (manager == null ? "; the team has no manager to tell" : ", manager " + manager + " alerted"),
          "routing-alert:" + request.stage() + ":" + request.visit() + ":" + request.attempt());
      return new Assignment(team, null, "nobody available in team " + team + ": team queue", now);
    }
    // Smooth weighted round robin: deterministic, and over any run of turns each member's share follows their weight.
    final long total = eligible.stream().mapToLong(Member::weight).sum();
    Member chosen = null;
    long chosenWeight = Long.MIN_VALUE;
    for (final Member member : eligible) {
      final long raised = member.currentWeight() + member.weight();
      jdbc.update("update team_member set current_weight = ? where team_id = ? and username = ?", raised, team, member.username());
      if (raised > chosenWeight) {
        chosen = member;
        chosenWeight = raised;
      }
    }
    take(team, chosen, chosenWeight - total);
    return new Assignment(team, chosen.username(), "weighted round robin in team " + team, now);
  }

  private void take(final String team, final Member member, final long currentWeight) {
    jdbc.update(
        "update team_member set current_weight = ?, open_assignments = open_assignments + 1 where team_id = ? and username = ?",
        currentWeight, team, member.username());
  }

  private List<Member> lockMembers(final String team) {
    return jdbc.query(
        """
        select username, weight, max_open, current_weight, open_assignments from team_member
        where team_id = ? and active order by username for update""",
        (row, i) ->
            new Member(row.getString(1), row.getInt(2), (Integer) row.getObject(3), row.getLong(4), row.getInt(5)),
        team);
  }

  /** Members not out of office now and under their cap, in name order. */
  private List<Member> available(final List<Member> members, final Instant now) {
    if (members.isEmpty()) {
      return List.of();
    }
    final Set<String> away =
        new HashSet<>(
            jdbc.queryForList(
                "select distinct username from out_of_office where starts_at <= ? and ends_at > ? and username in ("
                    + String.join(",", Collections.nCopies(members.size(), "?")) + ")",
                String.class,
                concat(Timestamp.from(now), Timestamp.from(now), members.stream().map(Member::username).toArray())));
    return members.stream()
        .filter(m -> !away.contains(m.username()))
        .filter(m -> m.maxOpen() == null || m.openAssignments() < m.maxOpen())
        .sorted(Comparator.comparing(Member::username))
        .toList();
  }

  private static Object[] concat(final Object first, final Object second, final Object[] rest) {
    final Object[] all = new Object[rest.length + 2];
    all[0] = first;
    all[1] = second;
    System.arraycopy(rest, 0, all, 2, rest.length);
    return all;
  }
}
