package com.leadjourney.lead;

/** Who the lead is, normalised: lower-case email and source, upper-case country. */
public record Contact(
    String email,
    String firstName,
    String lastName,
    String company,
    String title,
    String country,
    String source,
    String campaign,
    boolean consent,
    String customFieldsJson,
    BuyerProfile profile,
    String phone) {}
