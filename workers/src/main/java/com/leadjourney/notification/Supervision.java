package com.leadjourney.notification;

/**
 * Who may read whose notifications besides the recipient: their manager. Answered by the teams
 * (routing), which know who manages whom; this package stays below them.
 */
public interface Supervision {

  /** True when {@code manager} manages a team {@code person} is in. */
  boolean supervises(String manager, String person);
}
