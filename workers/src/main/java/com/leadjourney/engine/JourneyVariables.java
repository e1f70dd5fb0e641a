package com.leadjourney.engine;

/** Names shared by the process models in workflows/ and the code that serves them. */
public final class JourneyVariables {

  public static final String PROCESS_ID = "lead-journey";
  public static final String LEAD_ID = "leadId";

  /** Date variable of the enrichment-window timer in lead-journey. */
  public static final String ENRICHMENT_DUE_AT = "enrichmentDueAt";

  /** BPMN error code: this instance is a second journey for a lead that already has one. */
  public static final String DUPLICATE_JOURNEY = "DUPLICATE_JOURNEY";

  private JourneyVariables() {}
}
