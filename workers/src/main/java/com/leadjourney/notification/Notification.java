package com.leadjourney.notification;

/** Something a person must know now: an SLA about to break, an escalation, a lead taken away, a pacing shortfall. */
public record Notification(String recipient, String kind, String leadId, String subject, String body) {}
