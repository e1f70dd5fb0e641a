package com.leadjourney.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.audit.Audit;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Who receives the journey's events: a name, a URL, the secret deliveries are signed with, and the types wanted (none named: all). */
@Service
public class EventSubscriptions {

  /** A subscription; the secret never leaves the app once set. */
  public record Subscription(String name, String url, List<String> types) {
    boolean wants(final String type) {
      return types == null || types.contains(type);
    }
  }

  /** With its secret, for signing only. */
  record Signing(Subscription subscription, String secret) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MIN_SECRET = 16;


  private final JdbcTemplate jdbc;
  private final Audit audit;
  private final Clock clock;
  private final OutboundEvents outbound;

  EventSubscriptions(final JdbcTemplate jdbc, final Audit audit, final Clock clock, final OutboundEvents outbound) {
    this.outbound = outbound;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Subscription put(final String name, final String url, final String secret, final List<String> types, final String by) {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,99}")) {
      throw bad("a subscription's name is 1-100 lower-case letters, digits or '-', e.g. salesforce-sync");
    }
    final URI uri;
    try {
      uri = URI.create(url == null ? "" : url);
    } catch (final IllegalArgumentException e) {
      throw bad("url is not a URL: " + url);
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null || url.length() > 2000) {
      throw bad("url must be an http(s) URL of at most 2,000 characters");
    }
    if (secret == null || secret.length() < MIN_SECRET || secret.length() > 200) {
      throw bad("secret must be " + MIN_SECRET + " to 200 characters: deliveries are signed with it (HMAC-SHA256)");
    }
    if (types != null && (types.isEmpty() || !EventTypes.all().containsAll(types))) {
      throw bad("types must be some of " + EventTypes.all() + " (leave it out for all of them)");
    }
    final var before = find(name).orElse(null);
    jdbc.update(
        """
        insert into event_subscription (name, url, secret, types, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)
        on duplicate key update url = values(url), secret = values(secret), types = values(types), updated_by = values(updated_by),
          updated_at = values(updated_at)""",
        name, url, secret, types == null ? null : json(types), by, Timestamp.from(clock.instant()));
    final var after = new Subscription(name, url, types);
    outbound.subscribed();
    audit.record(by, before == null ? "event-subscription.created" : "event-subscription.changed", "event-subscription", name, null,
        before == null ? null : Audit.state("url", before.url(), "types", before.types()), Audit.state("url", url, "types", types));
    return after;
  }

  /** Ends a subscription: its deliveries not yet made are dropped, its delivery log with them. False when there is none. */
  @Transactional
  public boolean remove(final String name, final String by) {
    final var before = find(name).orElse(null);
    if (before == null) {
      return false;
    }
    jdbc.update("delete from event_delivery where subscription = ?", name);
    jdbc.update("delete from event_subscription where name = ?", name);
    audit.record(by, "event-subscription.removed", "event-subscription", name, null, Audit.state("url", before.url(), "types", before.types()), null);
    return true;
  }

  public List<Subscription> all() {
    return jdbc.query("select name, url, types from event_subscription order by name", (row, i) -> read(row.getString(1), row.getString(2), row.getString(3)));
  }

  public Optional<Subscription> find(final String name) {
    return jdbc.query("select name, url, types from event_subscription where name = ?", (row, i) -> read(row.getString(1), row.getString(2), row.getString(3)), name)
        .stream().findFirst();
  }

  List<Signing> signing() {
    return jdbc.query("select name, url, types, secret from event_subscription order by name",
        (row, i) -> new Signing(read(row.getString(1), row.getString(2), row.getString(3)), row.getString(4)));
  }

  private static Subscription read(final String name, final String url, final String types) {
    try {
      return new Subscription(name, url, types == null ? null : JSON.readValue(types, new TypeReference<List<String>>() {}));
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(final Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResponseStatusException bad(final String reason) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
  }

  static Map<String, Object> noSecret(final Subscription s) {
    return Map.of("name", s.name(), "url", s.url(), "types", s.types() == null ? "all" : s.types());
  }
}
