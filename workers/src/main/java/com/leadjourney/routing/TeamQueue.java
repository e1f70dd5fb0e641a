package com.leadjourney.routing;

/**
 * How a model's user task says "in the team's queue": its assignee expression evaluates to the
 * empty string, which the engine creates unassigned (a null would be an incident: the expression
 * must be a string).
 */
public final class TeamQueue {

  private TeamQueue() {}

  /** The assignee variable a routing worker returns: the person, or "" for the team's queue. */
  public static String assigneeVariable(final String assignee) {
    return assignee == null ? "" : assignee;
  }
}
