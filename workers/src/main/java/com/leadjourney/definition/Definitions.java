package com.leadjourney.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.audit.Audit;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The lifecycle of the agreed definition: draft → proposed → signed by one marketing and one sales
 * signer (two people) → live, retiring the version before. Only the live version's DMN is in the
 * engine; every decision names the version that made it, and keeps it.
 */
@Service
public class Definitions {

  public static final String DEFAULT_VERSION = "v1-default";
  private static final Logger LOG = LoggerFactory.getLogger(Definitions.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What an MQL needs besides the criteria, and how engagement is scored: points by touch type
   * ({@code other} for the rest; none given: the app's defaults) fading with the half-life.
   */
  public record Thresholds(
      int mqlFit, double mqlEngagement, int hotFit, double hotEngagement, Duration halfLife, Map<String, Integer> engagementPoints) {

    /** Points of one touch type under this definition. */
    public int pointsFor(final String type) {
      return engagementPoints.getOrDefault(type, engagementPoints.getOrDefault("other", 0));
    }
  }

  public record Signature(String side, String signedBy, Instant signedAt) {}

  public record Version(
      String version, String state, String title, List<Criterion> criteria, Thresholds thresholds, String createdBy, Instant createdAt,
      Instant proposedAt, Instant liveAt, Instant retiredAt, List<Signature> signatures) {}

  private final JdbcTemplate jdbc;
  private final CamundaClient client;
  private final QualificationProperties defaults;
  private final Audit audit;
  private final Clock clock;
  private final Map<String, Thresholds> thresholdsByVersion = new ConcurrentHashMap<>();
  private final Map<String, java.util.Set<String>> customFieldsByVersion = new ConcurrentHashMap<>(); // a version that went live never changes

  Definitions(
      final JdbcTemplate jdbc, final CamundaClient client, final QualificationProperties defaults, final Audit audit, final Clock clock) {
    this.jdbc = jdbc;
    this.client = client;
    this.defaults = defaults;
    this.audit = audit;
    this.clock = clock;
  }

  /** A new draft from a criteria table; the DMN is generated from it. */
  @Transactional
  public Version draft(final String version, final String title, final List<Criterion> criteria, final Thresholds thresholds, final String user) {
    final String label = version == null || version.isBlank() ? nextLabel() : version;
    if (!label.matches("[a-z0-9][a-z0-9.-]{0,39}")) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "version must be 1-40 lower-case letters, digits, '.' or '-', e.g. v2-2027q1");
    }
    if (!jdbc.queryForList("select version from definition_version where version = ?", String.class, label).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Definition version " + label + " exists already");
    }
    final Thresholds t = check(thresholds == null ? defaultThresholds() : thresholds);
    DefinitionDmn.check(label, criteria);
    jdbc.update(
        """
        insert into definition_version (version, state, title, criteria, dmn_xml, mql_fit, mql_engagement, hot_fit, hot_engagement, half_life_hours,
          engagement_points, created_by, created_at) values (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        label, title, json(criteria), DefinitionDmn.toXml(label, criteria), t.mqlFit(), t.mqlEngagement(), t.hotFit(), t.hotEngagement(),
        t.halfLife().toHours(), json(t.engagementPoints()), user, Timestamp.from(clock.instant()));
    audit.record(user, "definition.drafted", "definition", label, null, null, Map.of("state", "draft"));
    return version(label).orElseThrow();
  }

  /** Edits a draft; once proposed, a version is what people sign and no longer changes. */
  @Transactional
  public Version edit(final String version, final String title, final List<Criterion> criteria, final Thresholds thresholds) {
    requireState(version, "draft", "edited");
    final Thresholds t = check(thresholds == null ? defaultThresholds() : thresholds);
    DefinitionDmn.check(version, criteria);
    jdbc.update(
        """
        update definition_version set title = ?, criteria = ?, dmn_xml = ?, mql_fit = ?, mql_engagement = ?, hot_fit = ?, hot_engagement = ?,
          half_life_hours = ?, engagement_points = ? where version = ?""",
        title, json(criteria), DefinitionDmn.toXml(version, criteria), t.mqlFit(), t.mqlEngagement(), t.hotFit(), t.hotEngagement(),
        t.halfLife().toHours(), json(t.engagementPoints()), version);
    return version(version).orElseThrow();
  }

  @Transactional
  public Version propose(final String version, final String user) {
    requireState(version, "draft", "proposed");
    audit.record(user, "definition.proposed", "definition", version, null, Map.of("state", "draft"), Map.of("state", "proposed"));
    jdbc.update("update definition_version set state = 'proposed', proposed_at = ? where version = ?", Timestamp.from(clock.instant()), version);
    return version(version).orElseThrow();
  }

  /**
   * Signs a proposed version for one side. The second side's signature — by someone else — makes it
   * live: its DMN goes to the engine and the previous live version retires.
   */
  @Transactional
  public Version sign(final String version, final String side, final String user) {
    requireState(version, "proposed", "signed");
    final List<Signature> signatures = signatures(version);
    if (signatures.stream().anyMatch(s -> s.side().equals(side))) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "The " + side + " side has signed " + version + " already");
    }
    if (signatures.stream().anyMatch(s -> s.signedBy().equals(user))) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, user + " signed " + version + " for the other side already; marketing and sales sign as two different people");
    }
    final Instant now = clock.instant();
    jdbc.update("insert into definition_signature (version, side, signed_by, signed_at) values (?, ?, ?, ?)", version, side, user, Timestamp.from(now));
    audit.record(user, "definition.signed", "definition", version, null, Map.of("state", "proposed"),
        Map.of("side", side, "state", signatures.size() == 1 ? "live" : "proposed"));
    if (signatures.size() == 1) {
      goLive(version, now);
    }
    return version(version).orElseThrow();
  }

  private void goLive(final String version, final Instant now) {
    final String dmn = jdbc.queryForObject("select dmn_xml from definition_version where version = ?", String.class, version);
    try {
      client.newDeployResourceCommand().addResourceBytes(dmn.getBytes(StandardCharsets.UTF_8), "lead-qualification.dmn").send().join();
    } catch (final RuntimeException e) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The engine did not take the definition; nothing was signed. Try again: " + e.getMessage(), e);
    }
    jdbc.update("update definition_version set state = 'retired', retired_at = ? where state = 'live'", Timestamp.from(now));
    jdbc.update("update definition_version set state = 'live', live_at = ? where version = ?", Timestamp.from(now), version);
    LOG.info("Definition {} is live (DMN deployed); the previous version retired", version);
  }

  public List<Version> all() {
    return jdbc.queryForList("select version from definition_version order by created_at, version", String.class).stream()
        .map(v -> version(v).orElseThrow())
        .toList();
  }

  public Optional<Version> version(final String version) {
    return jdbc.query(
            "select * from definition_version where version = ?",
            (row, i) -> new Version(
                row.getString("version"), row.getString("state"), row.getString("title"), criteria(row.getString("criteria")),
                new Thresholds(row.getInt("mql_fit"), row.getDouble("mql_engagement"), row.getInt("hot_fit"), row.getDouble("hot_engagement"),
                    Duration.ofHours(row.getInt("half_life_hours")), points(row.getString("engagement_points"))),
                row.getString("created_by"), instant(row.getTimestamp("created_at")), instant(row.getTimestamp("proposed_at")),
                instant(row.getTimestamp("live_at")), instant(row.getTimestamp("retired_at")), signatures(version)),
            version)
        .stream().findFirst();
  }

  public Optional<String> dmn(final String version) {
    return jdbc.queryForList("select dmn_xml from definition_version where version = ?", String.class, version).stream().findFirst();
  }

  /** The live version; at the very first start, the default shipped in workflows/lead-qualification.dmn. */
  @Transactional
  public String live() {
    return jdbc.queryForList("select version from definition_version where state = 'live'", String.class).stream()
        .findFirst()
        .orElseGet(this::seedDefault);
  }

  /** Custom fields the live version tests (no prefix): only these go to the engine, as they may hold anything personal. */
  public java.util.Set<String> customFieldsTested() {
    return customFieldsByVersion.computeIfAbsent(live(), v -> version(v).map(Version::criteria).orElse(List.of()).stream()
        .flatMap(c -> c.tests().keySet().stream())
        .filter(field -> field.startsWith(DefinitionDmn.CUSTOM))
        .map(field -> field.substring(DefinitionDmn.CUSTOM.length()))
        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
  }

  /** The thresholds of the version that made a decision (versions that went live never change). */
  public Thresholds thresholds(final String version) {
    return thresholdsByVersion.computeIfAbsent(version, v -> version(v).map(Version::thresholds).orElseGet(this::defaultThresholds));
  }

  private String seedDefault() {
    final List<Criterion> criteria;
    try (var in = new ClassPathResource("workflows/lead-qualification.dmn").getInputStream()) {
      criteria = DefinitionDmn.criteriaOf(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    final Thresholds t = defaultThresholds();
    final Timestamp now = Timestamp.from(clock.instant());
    jdbc.update(
        """
        insert into definition_version (version, state, title, criteria, dmn_xml, mql_fit, mql_engagement, hot_fit, hot_engagement, half_life_hours,
          engagement_points, created_by, created_at, live_at) values (?, 'live', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'workflows/lead-qualification.dmn', ?, ?)""",
        DEFAULT_VERSION, "The default shipped with the product (sign a version of your own to replace it)", json(criteria),
        DefinitionDmn.toXml(DEFAULT_VERSION, criteria), t.mqlFit(), t.mqlEngagement(), t.hotFit(), t.hotEngagement(), t.halfLife().toHours(),
        json(t.engagementPoints()), now, now);
    return DEFAULT_VERSION;
  }

  private Thresholds defaultThresholds() {
    return new Thresholds(defaults.mqlFit(), defaults.mqlEngagement(), defaults.hotFit(), defaults.hotEngagement(), defaults.halfLife(), defaults.points());
  }

  /** A draft without engagement points scores touches with the app's defaults. */
  private Thresholds check(final Thresholds given) {
    final Thresholds t = given.engagementPoints() != null ? given
        : new Thresholds(given.mqlFit(), given.mqlEngagement(), given.hotFit(), given.hotEngagement(), given.halfLife(), defaults.points());
    for (final var points : t.engagementPoints().entrySet()) {
      if (!points.getKey().matches("[a-z0-9-]{1,40}") || points.getValue() == null || points.getValue() < 0 || points.getValue() > 1000) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "engagementPoints maps touch types such as webinar to 0-1000 points; '"
            + points.getKey() + "' does not");
      }
    }
    if (t.mqlFit() < 0 || t.hotFit() < t.mqlFit() || t.mqlEngagement() < 0 || t.hotEngagement() < t.mqlEngagement()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "thresholds must be 0 or more, and hot ones at least the MQL ones");
    }
    if (t.halfLife() == null || t.halfLife().toHours() < 1) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "halfLife must be an hour or more, e.g. P14D");
    }
    return t;
  }

  private void requireState(final String version, final String state, final String action) {
    final String current = jdbc.queryForList("select state from definition_version where version = ?", String.class, version).stream()
        .findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No definition version " + version));
    if (!state.equals(current)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Definition " + version + " is " + current + "; only a " + state + " version can be " + action);
    }
  }

  private List<Signature> signatures(final String version) {
    return jdbc.query(
        "select side, signed_by, signed_at from definition_signature where version = ? order by signed_at",
        (row, i) -> new Signature(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()),
        version);
  }

  private String nextLabel() {
    int n = jdbc.queryForObject("select count(*) from definition_version", Integer.class) + 1;
    while (!jdbc.queryForList("select version from definition_version where version = ?", String.class, "v" + n).isEmpty()) {
      n++;
    }
    return "v" + n;
  }

  private static Instant instant(final Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private Map<String, Integer> points(final String json) {
    if (json == null) {
      return defaults.points();
    }
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("Stored engagement points are not JSON", e);
    }
  }

  private static String json(final Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Criterion> criteria(final String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("Stored criteria are not JSON", e);
    }
  }
}
