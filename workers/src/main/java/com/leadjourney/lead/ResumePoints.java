package com.leadjourney.lead;

/**
 * Where a lead's journey resumes when it is rebuilt, for the stage it entered: the orchestrator's
 * element that runs the stage. The journey implements it; entering a stage records it.
 */
public interface ResumePoints {

  /** The element of the journey that runs {@code stage}; an unknown stage is an IllegalArgumentException. */
  String of(String stage);
}
