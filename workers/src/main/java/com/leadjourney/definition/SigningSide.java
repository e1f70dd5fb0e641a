package com.leadjourney.definition;

import com.leadjourney.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;

/** Which side of the agreement a signer signs for: marketing or sales. */
public final class SigningSide {

  private SigningSide() {}

  /**
   * The side a user signs for: the one their role allows; someone holding both roles must say which.
   *
   * @param asked "marketing", "sales" or null
   */
  public static String of(final Authentication user, final String asked) {
    final boolean marketing = Roles.has(user, "MARKETING");
    final boolean sales = Roles.has(user, "SALES");
    if (asked != null) {
      final String side = asked.strip().toLowerCase(java.util.Locale.ROOT); // "SALES" and "Sales" mean sales
      if (!"marketing".equals(side) && !"sales".equals(side)) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "side is marketing or sales, not '" + asked + "'");
      }
      if (!("marketing".equals(side) && marketing) && !("sales".equals(side) && sales)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, user.getName() + " may not sign for " + side);
      }
      return side;
    }
    if (marketing ^ sales) {
      return marketing ? "marketing" : "sales";
    }
    throw new ResponseStatusException(
        marketing ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN,
        marketing ? "You hold both roles: say which side you sign for, {\"side\": \"marketing\"} or {\"side\": \"sales\"}"
            : "Only a marketing or a sales signer can sign a definition");
  }
}
