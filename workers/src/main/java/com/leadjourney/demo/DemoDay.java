package com.leadjourney.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.http.HttpMethod;

/**
 * What the demo's people do in a working slot: marketing's programs bring leads and engagement,
 * XDRs touch and work their tasks (some quick, some slow), AEs accept or reject, and sales moves
 * each deal through its stages over weeks to won or lost.
 */
final class DemoDay {

  /** One deal's path: the stages still ahead and when the next one happens. */
  private static final class Deal {
    final String id;
    final String leadId;
    final String owner;
    final boolean wins;
    final List<String> ahead;
    Instant next;

    Deal(final String id, final String leadId, final String owner, final boolean wins, final Instant next) {
      this.id = id;
      this.leadId = leadId;
      this.owner = owner;
      this.wins = wins;
      this.ahead = new ArrayList<>(List.of("proposal", "negotiation", wins ? "closed-won" : "closed-lost"));
      this.next = next;
    }
  }

  private final DemoApi api;
  private final Random random;
  private final int leadsPerDay;
  private final List<String> leads = new ArrayList<>();
  private final Map<String, List<String>> colleagues = new HashMap<>();
  private final Map<String, String> ownerOfAccepted = new LinkedHashMap<>();
  private final List<Deal> deals = new ArrayList<>();
  private int touches;
  private int completions;
  private int dealUpdates;

  DemoDay(final DemoApi api, final Random random, final int leadsPerDay) {
    this.api = api;
    this.random = random;
    this.leadsPerDay = leadsPerDay;
  }

  /** New leads from the programs running that day (or organic form fills), and engagement from leads in nurture. */
  void arrivals(final LocalDate day, final int hour, final LocalDate first, final int days) {
    final double weekday = 1.25 - 0.1 * (day.getDayOfWeek().getValue() - 1); // busier early in the week
    final double perSlot = leadsPerDay * weekday / 5;
    final int count = (int) perSlot + (random.nextDouble() < perSlot - (int) perSlot ? 1 : 0);
    for (int i = 0; i < count; i++) {
      final DemoCatalog.Program program = random.nextDouble() < 0.75 ? running(day, first, days) : null;
      final Map<String, Object> lead = DemoCatalog.lead(random, leads.size() + 1, program);
      final var accepted = api.send(DemoQuarter.MARKETING, HttpMethod.POST, "/api/leads", lead);
      if (accepted != null) {
        final String id = (String) accepted.get("id");
        leads.add(id);
        colleagues.computeIfAbsent((String) lead.get("company"), c -> new ArrayList<>()).add(id);
      }
    }
    for (int i = 0; i < 2 && !leads.isEmpty(); i++) {
      final String id = leads.get(random.nextInt(leads.size()));
      final var lead = api.send(DemoQuarter.MARKETING, HttpMethod.GET, "/api/leads/" + id, null);
      final DemoCatalog.Program program = running(day, first, days);
      if (lead != null && "nurture".equals(lead.get("stage")) && program != null) {
        api.send(DemoQuarter.MARKETING, HttpMethod.POST, "/api/leads/" + id + "/engagements",
            Map.of("type", DemoCatalog.pick(random, "webinar", "event", "content-download", "demo-request"), "campaign", program.name()));
      }
    }
  }

  private DemoCatalog.Program running(final LocalDate day, final LocalDate first, final int days) {
    final List<DemoCatalog.Program> running = new ArrayList<>();
    for (int i = 0; i < DemoCatalog.PROGRAMS.size(); i++) {
      final LocalDate starts = DemoCatalog.programStart(i, first, days);
      if (!day.isBefore(starts) && !day.isAfter(starts.plusDays(days / 3))) {
        running.add(DemoCatalog.PROGRAMS.get(i));
      }
    }
    return running.isEmpty() ? null : running.get(random.nextInt(running.size()));
  }

  /** Minutes into the slot: each XDR gets to some of their untouched leads, the quick ones sooner. */
  void xdrsTouch(final int minutes) {
    final double base = minutes <= 4 ? 0.3 : minutes <= 12 ? 0.35 : 0.5;
    for (final var task : openTasks("xdr-handoff", DemoQuarter.XDRS.keySet())) {
      final String xdr = (String) task.get("assignee");
      if (task.get("firstTouchAt") == null && random.nextDouble() < Math.min(0.95, base * DemoQuarter.XDRS.get(xdr))) {
        touch(xdr, task);
      }
    }
  }

  /**
   * The demo people's open tasks of a stage, read once by their manager (every API call checks a
   * password hash; one list beats one per person).
   */
  private List<Map<String, Object>> openTasks(final String stage, final java.util.Collection<String> people) {
    return api.list(DemoQuarter.MANAGER, "/api/tasks?stage=" + stage).stream().filter(t -> people.contains(t.get("assignee"))).toList();
  }

  private void touch(final String xdr, final Map<String, Object> task) {
    if (api.send(xdr, HttpMethod.POST, "/api/tasks/" + task.get("userTaskKey") + "/touches",
        Map.of("kind", DemoCatalog.pick(random, "call", "call", "email", "social"))) != null) {
      touches++;
    }
  }

  /** The slot's end: XDRs decide on leads they have spoken to, AEs on their SQLs, sales moves deals. */
  void endOfSlot(final Instant now) {
    for (final var task : openTasks("xdr-handoff", DemoQuarter.XDRS.keySet())) {
      final String xdr = (String) task.get("assignee");
      if (task.get("firstTouchAt") == null) {
        if (random.nextDouble() < 0.6 * DemoQuarter.XDRS.get(xdr)) {
          touch(xdr, task);
        }
      } else if (random.nextDouble() < 0.7) {
        complete(xdr, task, xdrOutcome());
      }
    }
    for (final var task : openTasks("sales-acceptance", DemoQuarter.AES)) {
      final String ae = (String) task.get("assignee");
      if (random.nextDouble() < 0.5) {
        final boolean accept = random.nextDouble() < 0.72;
        if (complete(ae, task, accept ? Map.of("outcome", "accepted")
            : Map.of("outcome", "rejected", "reason", DemoCatalog.pick(random, "no-budget", "wrong-fit", "not-decision-maker", "bad-timing"))) && accept) {
          ownerOfAccepted.put((String) task.get("leadId"), ae);
        }
      }
    }
    openedDeals(now);
    moveDeals(now);
  }

  private Map<String, Object> xdrOutcome() {
    final double r = random.nextDouble();
    if (r < 0.5) {
      return Map.of("outcome", "meeting-booked");
    }
    if (r < 0.82) {
      return Map.of("outcome", "recycle", "reason", DemoCatalog.pick(random, "bad-timing", "no-response", "no-response", "no-budget"),
          "objections", DemoCatalog.pick(random, "happy with spreadsheets", "needs IT sign-off", "call back next quarter"));
    }
    return Map.of("outcome", "disqualify", "reason", DemoCatalog.pick(random, "wrong-fit", "bad-data", "not-decision-maker"));
  }

  private boolean complete(final String user, final Map<String, Object> task, final Map<String, Object> outcome) {
    final boolean done = api.send(user, HttpMethod.POST, "/api/tasks/" + task.get("userTaskKey") + "/completion", outcome) != null;
    if (done) {
      completions++;
    }
    return done;
  }

  /** Deals opened by accepted SLAs get their path: about a third are won, a week or two per stage. */
  private void openedDeals(final Instant now) {
    for (final var accepted : List.copyOf(ownerOfAccepted.entrySet())) {
      final var opportunities = api.list(accepted.getValue(), "/api/opportunities?leadId=" + accepted.getKey());
      if (!opportunities.isEmpty()) {
        ownerOfAccepted.remove(accepted.getKey());
        deals.add(new Deal((String) opportunities.get(0).get("id"), accepted.getKey(), accepted.getValue(), random.nextDouble() < 0.35,
            now.plus(Duration.ofDays(3 + random.nextInt(8)))));
      }
    }
  }

  private void moveDeals(final Instant now) {
    for (final Deal deal : List.copyOf(deals)) {
      if (deal.next.isAfter(now)) {
        continue;
      }
      final String stage = deal.ahead.remove(0);
      final Map<String, Object> update = new LinkedHashMap<>();
      update.put("stage", stage);
      if ("proposal".equals(stage)) {
        update.put("amount", DemoQuarter.dollars(random, 8_000, 150_000));
        update.put("contactRoles", roles(deal));
      }
      if ("closed-lost".equals(stage)) {
        update.put("reason", DemoCatalog.pick(random, "competitor-chosen", "competitor-chosen", "no-budget", "bad-timing"));
      }
      if (api.send(deal.owner, HttpMethod.POST, "/api/opportunities/" + deal.id + "/updates", update) != null) {
        dealUpdates++;
      }
      deal.next = now.plus(Duration.ofDays(4 + random.nextInt(10)));
      if (deal.ahead.isEmpty()) {
        deals.remove(deal);
      }
    }
  }

  /** The contact who came in, and a colleague at the same company if there is one; sales confirms most. */
  private List<Map<String, Object>> roles(final Deal deal) {
    final List<Map<String, Object>> roles = new ArrayList<>();
    roles.add(Map.of("leadId", deal.leadId, "role", DemoCatalog.pick(random, "economic-buyer", "decision-maker"), "confirmed", random.nextDouble() < 0.85));
    colleagues.values().stream()
        .filter(c -> c.contains(deal.leadId) && c.size() > 1)
        .findFirst()
        .flatMap(c -> c.stream().filter(id -> !id.equals(deal.leadId)).findFirst())
        .ifPresent(colleague -> roles.add(Map.of("leadId", colleague, "role", DemoCatalog.pick(random, "champion", "influencer", "user"),
            "confirmed", random.nextDouble() < 0.5)));
    return roles;
  }

  int leads() {
    return leads.size();
  }

  int touches() {
    return touches;
  }

  int completions() {
    return completions;
  }

  int dealUpdates() {
    return dealUpdates;
  }
}
