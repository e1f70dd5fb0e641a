package com.leadjourney.lead;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The eight fields of the agreed qualification definition (JOURNEY.md), as codes the DMN
 * compares: lower-case words joined by '-', e.g. industry "financial-services", seniority "vp".
 */
@Embeddable
public record BuyerProfile(
    @Pattern(regexp = CODE, message = MESSAGE) String industry,
    @Pattern(regexp = CODE, message = MESSAGE) String role,
    @Pattern(regexp = CODE, message = MESSAGE) String seniority,
    @Pattern(regexp = CODE, message = MESSAGE) String decisionStage,
    @Pattern(regexp = CODE, message = MESSAGE) String budget,
    @Pattern(regexp = CODE, message = MESSAGE) String pathToPurchase,
    @Pattern(regexp = CODE, message = MESSAGE) String pain,
    @PositiveOrZero(message = "must be a number of employees, 0 or more") Integer companySize,
    @PositiveOrZero(message = "must be an amount in USD, 0 or more") Long annualRevenue) {

  static final String CODE = "[A-Za-z0-9][A-Za-z0-9 _-]{0,39}";
  static final String MESSAGE = "must be a code of up to 40 letters, digits, '-' or spaces, e.g. financial-services";

  public static final BuyerProfile UNKNOWN = new BuyerProfile(null, null, null, null, null, null, null, null, null);

  /** Forms send "Financial Services"; the definition speaks "financial-services". */
  public BuyerProfile normalised() {
    return new BuyerProfile(
        code(industry), code(role), code(seniority), code(decisionStage), code(budget), code(pathToPurchase), code(pain),
        companySize, annualRevenue);
  }

  /** The decision's inputs: every field, unknown ones as null (a rule on them does not match). */
  public Map<String, Object> asVariables() {
    final Map<String, Object> variables = new HashMap<>();
    variables.put("industry", industry);
    variables.put("role", role);
    variables.put("seniority", seniority);
    variables.put("decisionStage", decisionStage);
    variables.put("budget", budget);
    variables.put("pathToPurchase", pathToPurchase);
    variables.put("pain", pain);
    variables.put("companySize", companySize);
    variables.put("annualRevenue", annualRevenue);
    return variables;
  }

  private static String code(final String value) {
    return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
  }
}
