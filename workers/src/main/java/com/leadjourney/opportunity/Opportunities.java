package com.leadjourney.opportunity;

import com.leadjourney.audit.Audit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.leadjourney.engine.JourneyMessages;
import com.leadjourney.lead.FunnelSteps;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Lead;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/** Opportunities on accepted SQLs: opened by the process, changed by sales, applied once per update. */
@Service
public class Opportunities {

  static final String STAGE = "opportunity";

  public record View(
      String id, String leadId, String accountId, String stage, BigDecimal amount, LocalDate closeDate, String reason,
      Instant openedAt, Instant closedAt, Instant stalledAt, List<OpportunityUpdate.ContactRole> contactRoles) {}

  private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

  private final JdbcTemplate jdbc;
  private final LeadRepository leads;
  private final Timeline timeline;
  private final JourneyMessages messages;
  private final TransactionTemplate transaction;
  private final Duration stallAfter;
  private final Audit audit;
  private final Clock clock;
  private final FunnelSteps funnel;

  Opportunities(
      final JdbcTemplate jdbc,
      final LeadRepository leads,
      final Timeline timeline,
      final JourneyMessages messages,
      final TransactionTemplate transaction,
      @Value("${leadjourney.opportunity.stall-after:14d}") final Duration stallAfter,
      final Audit audit,
      final Clock clock,
      final FunnelSteps funnel) {
    this.funnel = funnel;
    this.jdbc = jdbc;
    this.leads = leads;
    this.timeline = timeline;
    this.messages = messages;
    this.transaction = transaction;
    this.stallAfter = stallAfter;
    this.audit = audit;
    this.clock = clock;
  }

  /** Idempotent per stage visit: the process gets the opportunity it opened before. */
  @Transactional
  Map<String, Object> open(final String leadId) {
    final Lead lead = leads.lock(leadId);
    final int visit = timeline.visitOf(leadId, STAGE);
    final var earlier = jdbc.queryForList("select id from opportunity where lead_id = ? and visit = ?", String.class, leadId, visit);
    if (!earlier.isEmpty()) {
      return state(earlier.get(0));
    }
    final String id = UUID.randomUUID().toString();
    final Instant now = now();
    jdbc.update(
        "insert into opportunity (id, lead_id, visit, account_id, stage, opened_at, stalled_at) values (?, ?, ?, ?, 'discovery', ?, ?)",
        id, leadId, visit, lead.getAccountId(), Timestamp.from(now), Timestamp.from(now.plus(stallAfter)));
    funnel.reached(leadId, FunnelSteps.Step.OPPORTUNITY);
    timeline.record(leadId, JourneyEvent.Type.OPPORTUNITY_OPENED, STAGE, "opportunity " + id + " in discovery", "opportunity-opened:" + id);
    return state(id);
  }

  /**
   * Stores sales' change, then tells the opportunity process (message opportunity-updated, by
   * update id). If the engine cannot take it, the stored change is withdrawn: nothing half-done.
   */
  String requestUpdate(final String opportunityId, final OpportunityUpdate update, final String user) {
    final Pending pending = transaction.execute(tx -> store(opportunityId, update, user));
    final String updateId = pending.updateId();
    try {
      messages.publish("opportunity-updated", pending.leadId(), updateId, Duration.ofDays(7), Map.of("updateId", updateId));
    } catch (final RuntimeException e) {
      transaction.executeWithoutResult(tx -> {
        jdbc.update("delete from opportunity_update where id = ? and applied_at is null", updateId);
        audit.withdraw("opportunity-update", updateId); // it did not happen
      });
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The engine is unreachable; nothing was changed, try again shortly");
    }
    return updateId;
  }

  private record Pending(String updateId, String leadId) {}

  private Pending store(final String opportunityId, final OpportunityUpdate update, final String user) {
    final View current = view(opportunityId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No opportunity " + opportunityId));
    if (current.closedAt() != null) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Opportunity " + opportunityId + " is " + current.stage() + "; it cannot change");
    }
    final String problem = update.problem(current.amount());
    if (problem != null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, problem);
    }
    if (update.contactRoles() != null) {
      for (final var role : update.contactRoles()) {
        final var contact = leads.findById(role.leadId());
        if (contact.isEmpty() || (current.accountId() != null && !current.accountId().equals(contact.get().getAccountId()))) {
          throw new ResponseStatusException(
              HttpStatus.UNPROCESSABLE_ENTITY, "contactRoles: lead " + role.leadId() + " is not a contact of this opportunity's account");
        }
      }
    }
    final String updateId = UUID.randomUUID().toString();
    jdbc.update(
        """
        insert into opportunity_update (id, opportunity_id, stage, amount, close_date, reason, contact_roles, requested_by, requested_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        updateId, opportunityId, update.stage(), update.amount(), update.closeDate() == null ? null : Date.valueOf(update.closeDate()),
        update.reason(), json(update.contactRoles()), user, Timestamp.from(now()));
    audit.record(user, "opportunity.update-requested", "opportunity-update", updateId, current.leadId(),
        Audit.state("stage", current.stage(), "amount", current.amount(), "closeDate", current.closeDate()),
        Audit.state("opportunity", opportunityId, "stage", update.stage(), "amount", update.amount(), "closeDate", update.closeDate(),
            "reason", update.reason(), "contactRoles", update.contactRoles()));
    return new Pending(updateId, current.leadId());
  }

  /** Applies an update once; a redelivered job gets the opportunity as it is. */
  @Transactional
  Map<String, Object> apply(final String updateId) {
    final var rows = jdbc.queryForList("select * from opportunity_update where id = ? for update", updateId);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("No opportunity update " + updateId);
    }
    final Map<String, Object> update = rows.get(0);
    final String opportunityId = (String) update.get("opportunity_id");
    if (update.get("applied_at") != null) {
      return state(opportunityId);
    }
    final View before = view(opportunityId).orElseThrow();
    final Instant now = now();
    final String stage = update.get("stage") != null ? (String) update.get("stage") : before.stage();
    final boolean stageChanged = !stage.equals(before.stage());
    final boolean closed = stage.startsWith("closed-");
    jdbc.update(
        """
        update opportunity set stage = ?, amount = coalesce(?, amount), close_date = coalesce(?, close_date), reason = coalesce(?, reason),
          stalled_at = ?, closed_at = ? where id = ?""",
        stage, update.get("amount"), update.get("close_date"), update.get("reason"),
        Timestamp.from(stageChanged ? now.plus(stallAfter) : before.stalledAt()), closed ? Timestamp.from(now) : null, opportunityId);
    for (final var role : roles((String) update.get("contact_roles"))) {
      jdbc.update(
          """
          insert into opportunity_contact_role (opportunity_id, lead_id, role, confirmed, confirmed_by) values (?, ?, ?, ?, ?)
          on duplicate key update role = values(role), confirmed = values(confirmed), confirmed_by = values(confirmed_by)""",
          opportunityId, role.leadId(), role.role(), role.confirmed(), role.confirmed() ? update.get("requested_by") : null);
    }
    jdbc.update("update opportunity_update set applied_at = ? where id = ?", Timestamp.from(now), updateId);
    final View after = view(opportunityId).orElseThrow();
    if ("closed-won".equals(after.stage())) {
      funnel.reached(after.leadId(), FunnelSteps.Step.WON);
    }
    timeline.record(
        after.leadId(), JourneyEvent.Type.OPPORTUNITY_UPDATED, STAGE,
        "stage " + after.stage() + (after.amount() == null ? "" : ", amount " + after.amount().toPlainString())
            + (after.closeDate() == null ? "" : ", close " + after.closeDate()) + (after.reason() == null ? "" : ", reason " + after.reason())
            + ", " + after.contactRoles().stream().filter(OpportunityUpdate.ContactRole::confirmed).count() + " confirmed contact roles"
            + " by " + update.get("requested_by"),
        "opportunity-update:" + updateId);
    return state(opportunityId);
  }

  public Optional<View> view(final String opportunityId) {
    return jdbc.query(
            "select id, lead_id, account_id, stage, amount, close_date, reason, opened_at, closed_at, stalled_at from opportunity where id = ?",
            (row, i) ->
                new View(
                    row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getBigDecimal(5),
                    row.getDate(6) == null ? null : row.getDate(6).toLocalDate(), row.getString(7), row.getTimestamp(8).toInstant(),
                    row.getTimestamp(9) == null ? null : row.getTimestamp(9).toInstant(), row.getTimestamp(10).toInstant(),
                    contactRoles(row.getString(1))),
            opportunityId)
        .stream().findFirst();
  }

  /** The lead's opportunities, newest first. */
  public List<View> ofLead(final String leadId) {
    return jdbc.queryForList("select id from opportunity where lead_id = ? order by opened_at desc", String.class, leadId).stream()
        .map(id -> view(id).orElseThrow())
        .toList();
  }

  private List<OpportunityUpdate.ContactRole> contactRoles(final String opportunityId) {
    return jdbc.query(
        "select lead_id, role, confirmed from opportunity_contact_role where opportunity_id = ? order by lead_id",
        (row, i) -> new OpportunityUpdate.ContactRole(row.getString(1), row.getString(2), row.getBoolean(3)),
        opportunityId);
  }

  private Map<String, Object> state(final String opportunityId) {
    final View view = view(opportunityId).orElseThrow();
    final Map<String, Object> variables = new HashMap<>();
    variables.put("opportunityId", view.id());
    variables.put("opportunityStage", view.stage());
    variables.put("stalledAt", view.stalledAt().toString());
    variables.put("reason", view.reason());
    return variables;
  }

  private static String json(final List<OpportunityUpdate.ContactRole> roles) {
    try {
      return roles == null ? null : JSON.writeValueAsString(roles);
    } catch (final JsonProcessingException e) {
      throw new IllegalArgumentException("contactRoles cannot be stored", e);
    }
  }

  private static List<OpportunityUpdate.ContactRole> roles(final String json) {
    try {
      return json == null
          ? List.of()
          : new ArrayList<>(List.of(JSON.readValue(json, OpportunityUpdate.ContactRole[].class)));
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("Stored contact roles are unreadable", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
