package com.leadjourney.demo;

import com.leadjourney.engine.embedded.EmbeddedEngine;
import com.leadjourney.security.InitialPasswords;
import com.leadjourney.security.UserAccounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A quarter of demo journeys through the real engine and workers, so a first run shows living
 * boards: the embedded engine starts with its clock a quarter back and plays forward to the present while
 * demo people (marketing, XDRs, AEs) work the leads over the API, day by day in business hours.
 * Timers fire as they would have: enrichment windows, SLA reminders and escalations, nurture
 * touches, stalled deals. Runs only on an empty database and only with the embedded engine.
 */
@Component
public class DemoQuarter {

  /** What a played demo left behind. */
  public record Summary(int leads, int touches, int tasksCompleted, int dealsUpdated, Duration took) {}

  private static final Logger LOG = LoggerFactory.getLogger(DemoQuarter.class);
  static final String MARKETING = "demo-marketing-maya";
  /** The manager the default teams are set up with (V4), so the demo's manager runs them. */
  static final String MANAGER = "manager-mia";
  /** XDRs and how quickly each gets to a new lead (1 = typical). */
  static final Map<String, Double> XDRS = Map.of("demo-xdr-ada", 1.4, "demo-xdr-grace", 1.0, "demo-xdr-alan", 0.5);
  static final List<String> AES = List.of("demo-ae-linus", "demo-ae-margaret");
  private static final int[] SLOTS = {8, 10, 12, 14, 16};

  private final DemoProperties properties;
  private final ObjectProvider<EmbeddedEngine> engine;
  private final UserAccounts users;
  private final InitialPasswords passwordFile;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final CompletableFuture<Summary> played = new CompletableFuture<>();

  DemoQuarter(
      final DemoProperties properties, final ObjectProvider<EmbeddedEngine> engine, final UserAccounts users,
      final InitialPasswords passwordFile, final JdbcTemplate jdbc, final Clock clock) {
    this.properties = properties;
    this.engine = engine;
    this.users = users;
    this.passwordFile = passwordFile;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener
  void onReady(final ApplicationReadyEvent event) {
    if (!properties.enabled()) {
      return;
    }
    if (engine.getIfAvailable() == null) {
      LOG.warn("Demo data skipped: it needs the embedded engine (a cluster's clock cannot be moved back)");
      return;
    }
    if (jdbc.queryForObject("select count(*) from leads", Integer.class) > 0) {
      LOG.info("Demo data skipped: the database already holds leads");
      engine.getObject().catchUpWithWallClock();
      return;
    }
    final int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
    Thread.ofPlatform().name("demo-quarter").daemon().start(() -> {
      try {
        final Summary summary = play(port, properties.days(), properties.leadsPerDay(), properties.seed());
        played.complete(summary);
        LOG.info("Demo data ready: {} leads, {} touches, {} tasks completed, {} deal updates over {} days, played in {} s",
            summary.leads(), summary.touches(), summary.tasksCompleted(), summary.dealsUpdated(), properties.days(), summary.took().toSeconds());
      } catch (final RuntimeException e) {
        played.completeExceptionally(e);
        LOG.error("Demo data stopped", e);
      }
    });
  }

  /** Completes when the demo started at application start has played to the present. */
  public CompletableFuture<Summary> played() {
    return played;
  }

  /**
   * Plays working days forward from tomorrow (engine time): up to the present when the engine
   * started its clock in the past (the demo profile), else {@code days} days ahead.
   */
  public Summary play(final int port, final int days, final int leadsPerDay, final long seed) {
    final Instant started = Instant.now();
    final EmbeddedEngine embedded = engine.getObject();
    final Instant end = embedded.offset().isNegative() ? Instant.now() : clock.instant().plus(Duration.ofDays(days));
    final LocalDate first = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
    final var api = new DemoApi(port, people());
    final var play = new DemoDay(api, new Random(seed), leadsPerDay);
    setUp(api, first, days, leadsPerDay);
    try {
      days:
      for (LocalDate day = first; ; day = day.plusDays(1)) {
        final boolean workday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        for (final int hour : workday ? SLOTS : new int[0]) {
          final Instant slot = day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
          if (slot.plus(Duration.ofMinutes(110)).isAfter(end)) {
            break days;
          }
          advanceTo(embedded, slot);
          play.arrivals(day, hour, first, days);
          advanceTo(embedded, slot.plusSeconds(31)); // past the enrichment window
          for (final int minutes : new int[] {4, 12, 50}) {
            advanceTo(embedded, slot.plus(Duration.ofMinutes(minutes)));
            play.xdrsTouch(minutes);
          }
          advanceTo(embedded, slot.plus(Duration.ofMinutes(110)));
          play.endOfSlot(clock.instant());
        }
        if (day.getDayOfMonth() % 14 == 0) {
          LOG.info("Demo: {} played ({} leads so far)", day, play.leads());
        }
      }
    } finally {
      embedded.catchUpWithWallClock();
    }
    settle();
    return new Summary(play.leads(), play.touches(), play.completions(), play.dealUpdates(), Duration.between(started, Instant.now()));
  }

  /** Demo people with fresh random passwords, written to the data dir's passwords file so anyone here can sign in as them. */
  private Map<String, String> people() {
    final Map<String, String> passwords = new LinkedHashMap<>();
    passwords.put(MARKETING, users.create(MARKETING, List.of("MARKETING")));
    passwords.put(MANAGER, users.create(MANAGER, List.of("MANAGER")));
    XDRS.keySet().stream().sorted().forEach(xdr -> passwords.put(xdr, users.create(xdr, List.of("XDR"))));
    AES.forEach(ae -> passwords.put(ae, users.create(ae, List.of("AE"))));
    LOG.warn("\n\n  DEMO DATA: a quarter of demo journeys is being played (leads marked customFields.demo=true, emails at *-demo.com)."
        + "\n  Demo users {}: their passwords are in {} (readable by this OS user only).\n",
        passwords.keySet(), passwordFile.record("demo people", passwords));
    return passwords;
  }

  /** Teams in business hours, programs with their cost and run, and marketing's monthly commitment. */
  private void setUp(final DemoApi api, final LocalDate first, final int days, final int leadsPerDay) {
    api.send(MANAGER, HttpMethod.PUT, "/api/teams/xdr", team("XDR team", "xdr", XDRS.keySet().stream().sorted().toList()));
    api.send(MANAGER, HttpMethod.PUT, "/api/teams/ae", team("Account executives", "ae", AES));
    for (int i = 0; i < DemoCatalog.PROGRAMS.size(); i++) {
      final var program = DemoCatalog.PROGRAMS.get(i);
      final LocalDate starts = DemoCatalog.programStart(i, first, days);
      api.send(MARKETING, HttpMethod.PUT, "/api/campaigns/" + program.name(),
          Map.of("channel", program.channel(), "cost", program.cost(), "startsOn", starts.toString(), "endsOn", starts.plusDays(days / 3).toString()));
    }
    final Map<String, Integer> monthly = Map.of("smb", 50, "mid-market", 45, "enterprise", 40);
    for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(first.plusDays(days))); month = month.plusMonths(1)) {
      for (final var target : monthly.entrySet()) {
        api.send(MARKETING, HttpMethod.PUT, "/api/marketing-targets/" + month + "/" + target.getKey(),
            Map.of("target", Math.max(1, target.getValue() * leadsPerDay / 8)));
      }
    }
  }

  private static Map<String, Object> team(final String name, final String function, final List<String> members) {
    final List<Map<String, Object>> memberRows = new ArrayList<>();
    members.forEach(m -> memberRows.add(Map.of("username", m, "weight", 1, "maxOpen", 60, "active", true)));
    return Map.of(
        "name", name, "function", function, "isDefault", true, "manager", MANAGER, "timeZone", "UTC", "workDays", "MON,TUE,WED,THU,FRI",
        "opens", "08:00", "closes", "18:00", "members", memberRows);
  }

  private void advanceTo(final EmbeddedEngine embedded, final Instant target) {
    final Duration step = Duration.between(clock.instant(), target);
    if (step.isPositive()) {
      embedded.advanceClock(step);
      settle();
    }
  }

  /** Lets the engine and the workers catch up: the timeline stops growing for a moment. */
  private void settle() {
    long last = -1;
    final long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      final long now = jdbc.queryForObject("select coalesce(max(id), 0) + (select count(*) from journey_outbox where dispatched_at is null) from journey_event", Long.class);
      if (now == last) {
        return;
      }
      last = now;
      try {
        Thread.sleep(60);
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static BigDecimal dollars(final Random random, final int min, final int max) {
    return BigDecimal.valueOf((min + random.nextInt(max - min)) / 500 * 500L);
  }
}
