package com.leadjourney.lead;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far down the funnel a lead has come, kept on the lead ({@code leads.funnel_step}) by whoever
 * moves it on, in the same transaction: the definition (MQL), the XDR's booked meeting (SQL), the
 * opened deal, the won deal. A period's funnel is then one index read (review).
 */
@Component
public class FunnelSteps {

  /** The steps in order; the ordinal is what is stored. */
  public enum Step { LEAD, MQL, SQL, OPPORTUNITY, WON }

  private final JdbcTemplate jdbc;

  FunnelSteps(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Never moves a lead back (a recycled SQL still reached SQL); the same step twice is harmless (jobs come at least once). */
  public void reached(final String leadId, final Step step) {
    jdbc.update("update leads set funnel_step = greatest(funnel_step, ?) where id = ?", step.ordinal(), leadId);
  }

  /** The step a CRM's stage name for a lead imported as history stands for ({@code ImportRow.STAGES}); null: none. */
  public static int ofHistory(final String stageReached) {
    if (stageReached == null) {
      return Step.LEAD.ordinal();
    }
    return switch (stageReached) {
      case "mql" -> Step.MQL.ordinal();
      case "sql" -> Step.SQL.ordinal();
      case "opportunity" -> Step.OPPORTUNITY.ordinal();
      case "customer" -> Step.WON.ordinal();
      default -> Step.LEAD.ordinal();
    };
  }
}
