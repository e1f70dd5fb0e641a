package com.leadjourney.nurture;

import com.leadjourney.lead.JourneyClock;
import com.leadjourney.lead.JourneyClockRepository;
import com.leadjourney.lead.JourneyEvent;
import com.leadjourney.lead.Lead;
import com.leadjourney.lead.LeadRepository;
import com.leadjourney.lead.Timeline;
import com.leadjourney.platform.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead's nurture track and its clocks (nextTouchAt, nurtureEndsAt), stored so a rebuilt journey
 * keeps them. Every change is keyed by the job that made it or the stage visit.
 */
@Service
class NurtureTrack {

  static final String STAGE = "nurture";
  static final String NEXT_TOUCH_AT = "nextTouchAt";
  static final String NURTURE_ENDS_AT = "nurtureEndsAt";

  private final LeadRepository leads;
  private final JourneyClockRepository clocks;
  private final JdbcTemplate jdbc;
  private final Timeline timeline;
  private final NurtureProperties properties;
  private final MeterRegistry meters;
  private final Clock clock;

  NurtureTrack(
      final LeadRepository leads,
      final JourneyClockRepository clocks,
      final JdbcTemplate jdbc,
      final Timeline timeline,
      final NurtureProperties properties,
      final MeterRegistry meters,
      final Clock clock) {
    this.leads = leads;
    this.clocks = clocks;
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.properties = properties;
    this.meters = meters;
    this.clock = clock;
  }

  /** Plans the visit: the track follows the last reason sales gave, if any. Once per visit. */
  @Transactional
  Map<String, Object> plan(final String leadId) {
    final Lead lead = leads.lock(leadId);
    final String planKey = "nurture-planned:" + timeline.visitOf(leadId, STAGE);
    final Instant now = now();
    final String track = properties.trackFor(lastSalesReason(leadId));
    if (!timeline.record(leadId, JourneyEvent.Type.NURTURE_PLANNED, STAGE, "track " + track, planKey)) {
      return stored(lead);
    }
    lead.followTrack(track, now);
    clocks.save(new JourneyClock(leadId, NEXT_TOUCH_AT, now.plus(properties.intervalOf(track))));
    clocks.save(new JourneyClock(leadId, NURTURE_ENDS_AT, now.plus(properties.agesOutAfter())));
    return variables(track, now.plus(properties.intervalOf(track)), now.plus(properties.agesOutAfter()));
  }

  /** The track's next touch went out (through the outbound channel); the one after is scheduled. */
  @Transactional
  Map<String, Object> touchSent(final String leadId, final long jobKey) {
    final Lead lead = leads.lock(leadId);
    final String track = lead.nurtureTrackOrDefault();
    if (timeline.record(leadId, JourneyEvent.Type.NURTURE_TOUCH_SENT, STAGE, "track " + track, "nurture-touch:" + jobKey)) {
      clocks.save(new JourneyClock(leadId, NEXT_TOUCH_AT, now().plus(properties.intervalOf(track))));
      AfterCommit.run(() -> meters.counter("leadjourney.nurture.touches", "track", track).increment());
    }
    return stored(lead);
  }

  /** Sales said why: the track follows the reason, and the next touch moves with it. */
  @Transactional
  Map<String, Object> steer(final String leadId, final String reason, final String objections, final long jobKey) {
    final Lead lead = leads.lock(leadId);
    final String track = properties.trackFor(reason);
    final String said = objections != null ? objections : lastSalesObjections(leadId);
    final String detail = "track " + track + " after '" + reason + "'" + (said == null ? "" : "; objections: " + said);
    if (timeline.record(leadId, JourneyEvent.Type.NURTURE_STEERED, STAGE, detail, "nurture-steered:" + jobKey)) {
      lead.followTrack(track, now());
      clocks.save(new JourneyClock(leadId, NEXT_TOUCH_AT, now().plus(properties.intervalOf(track))));
    }
    return stored(lead);
  }

  private String lastSalesObjections(final String leadId) {
    final var latest = jdbc.queryForList("select objections from feedback where lead_id = ? order by recorded_at desc, id desc limit 1", String.class, leadId);
    return latest.isEmpty() ? null : latest.get(0); // often null: not findFirst()
  }

  private String lastSalesReason(final String leadId) {
    return jdbc.queryForList("select reason from feedback where lead_id = ? order by recorded_at desc, id desc limit 1", String.class, leadId)
        .stream().findFirst().orElse(null);
  }

  private Map<String, Object> stored(final Lead lead) {
    final Map<String, Instant> due = clocks.dueTimes(lead.getId());
    return variables(lead.getNurtureTrack(), due.get(NEXT_TOUCH_AT), due.get(NURTURE_ENDS_AT));
  }

  private static Map<String, Object> variables(final String track, final Instant nextTouchAt, final Instant endsAt) {
    return Map.of("nurtureTrack", track, NEXT_TOUCH_AT, nextTouchAt.toString(), NURTURE_ENDS_AT, endsAt.toString());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored
  }
}
