package com.leadjourney.task;

import java.time.Instant;
import java.util.List;

/**
 * Everything an XDR or AE needs before picking up the phone, on every task and lead: who, where
 * and when it is there, how to reach them, where they came from, why they qualified (in words),
 * every touch so far with its note, and the account's other contacts.
 *
 * @param localTime the contact's local time, e.g. "14:05 in Europe/Berlin"; null when the country is unknown
 */
public record ContactCard(
    String leadId,
    String name,
    String title,
    String email,
    String phone,
    String company,
    Integer companySize,
    String industry,
    String accountName,
    String accountOwner,
    String country,
    String localTime,
    String source,
    String campaign,
    String stage,
    Instant arrivedAt,
    String qualification,
    List<Touch> touches,
    List<Colleague> colleagues) {

  public record Touch(String kind, String note, String by, Instant at) {}

  public record Colleague(String leadId, String name, String title, String stage) {}
}
