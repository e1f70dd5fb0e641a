package com.leadjourney.xdrhandoff;

/** Variable names shared by xdr-handoff.bpmn and its workers. */
final class HandoffVariables {

  static final String PROCESS_ID = "xdr-handoff";
  static final String ASSIGNEE = "assignee";
  static final String FIRST_TOUCH_DUE_AT = "firstTouchDueAt";
  static final String SLA_REMINDER_AT = "slaReminderAt";
  static final String SLA_REASSIGN_AT = "slaReassignAt";
  static final String OUTCOME = "outcome";
  static final String REASON = "reason";

  private HandoffVariables() {}
}
