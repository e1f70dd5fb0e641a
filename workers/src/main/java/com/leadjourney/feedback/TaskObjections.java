package com.leadjourney.feedback;

/**
 * The objections written on the lead's last completed task of a stage. They are free text and stay
 * out of the engine; the task package, which stores them, answers here.
 */
public interface TaskObjections {

  /** Null when the stage had no task or none with objections. */
  String lastOf(String leadId, String stage);
}
