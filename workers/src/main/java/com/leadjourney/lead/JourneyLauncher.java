package com.leadjourney.lead;

/**
 * Starts a lead's journey in the engine. Intake hands each accepted lead to it; the journey
 * package implements it, so the contact-intake stage does not know the orchestrator.
 */
public interface JourneyLauncher {

  /** False while the open journeys are rebuilt after a start: new ones wait in the outbox until then. */
  boolean newJourneysMayStart();

  /** Starts the lead's journey and returns its process instance key. */
  long start(Lead lead);
}
