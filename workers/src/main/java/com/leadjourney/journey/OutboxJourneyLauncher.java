package com.leadjourney.journey;

import com.leadjourney.lead.JourneyLauncher;
import com.leadjourney.lead.Lead;
import org.springframework.stereotype.Component;

/** The journey behind intake's outbox: a start waits for the rebuild of the open journeys. */
@Component
class OutboxJourneyLauncher implements JourneyLauncher {

  private final JourneyStarter starter;
  private final JourneyStartup startup;

  OutboxJourneyLauncher(final JourneyStarter starter, final JourneyStartup startup) {
    this.starter = starter;
    this.startup = startup;
  }

  @Override
  public boolean newJourneysMayStart() {
    return startup.newJourneysMayStart();
  }

  @Override
  public long start(final Lead lead) {
    return starter.start(lead);
  }
}
