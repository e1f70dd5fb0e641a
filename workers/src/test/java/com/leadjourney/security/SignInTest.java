package com.leadjourney.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Signing in, as people and browsers do it: guessing is throttled per user and address, a session
 * and the tokens end when an admin gives the user a new password or other roles, a browser's
 * credentials cannot be used from another site (CSRF), and pages say where scripts may come from.
 */
class SignInTest extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;
  @Autowired UserAccounts accounts;
  @Value("${local.server.port}") int port;

  @Test
  void guessingAPasswordIsThrottledPerUserAndAddress() throws Exception {
    final String password = accounts.create("throttled-tom", List.of("XDR"));
    // A client that does not retry by itself (Apache's HttpClient waits out Retry-After and tries again).
    final var script = new Browser(false);
    for (int i = 0; i < 5; i++) {
      assertThat(script.get("/api/tasks", basic("throttled-tom", "guess-" + i)).statusCode()).isEqualTo(401);
    }
    final var throttled = script.get("/api/tasks", basic("throttled-tom", password));
    assertThat(throttled.statusCode()).as("even the right password, until the wait is over").isEqualTo(429);
    assertThat(Long.parseLong(throttled.headers().firstValue(HttpHeaders.RETRY_AFTER).orElseThrow())).isBetween(1L, 300L);
    assertThat(throttled.body()).contains("Too many failed sign-ins");
    final var form = new Browser().signIn("throttled-tom", password);
    assertThat(form.headers().firstValue("Location").orElse("")).as("the sign-in page says so").endsWith("/login?throttled");

    final String colleague = accounts.create("unthrottled-una", List.of("XDR"));
    assertThat(script.get("/api/tasks", basic("unthrottled-una", colleague)).statusCode()).as("another user from the same address").isEqualTo(200);
  }

  private static String basic(final String username, final String password) {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anAdminReKeyingAUserEndsTheirSessionAndTheirTokens() throws Exception {
    final String password = accounts.create("rekeyed-rita", List.of("XDR"));
    final var browser = new Browser();
    assertThat(browser.signIn("rekeyed-rita", password).statusCode()).isEqualTo(302);
    assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
    final var rita = http.withBasicAuth("rekeyed-rita", password);
    final String token = (String) rita.postForEntity("/api/tokens", Map.of("name", "crm sync"), Map.class).getBody().get("token");
    assertThat(withToken(token).getStatusCode().value()).isEqualTo(200);

    // The admin takes the XDR role away (a new password comes with it).
    final var rekeyed = http.withBasicAuth("admin", ADMIN_PASSWORD)
        .postForEntity("/api/users", Map.of("username", "rekeyed-rita", "roles", List.of("LEADERSHIP")), Map.class);
    assertThat(rekeyed.getStatusCode().value()).isEqualTo(201);

    final var after = browser.get("/inbox");
    assertThat(after.statusCode()).as("the old session is over").isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(withToken(token).getStatusCode().value()).as("the token was revoked with the old credentials").isEqualTo(401);
    assertThat(rita.getForEntity("/api/tasks", String.class).getStatusCode().value()).as("the old password").isEqualTo(401);
  }

  @Test
  void aTokenCannotMakeMoreCredentials() {
    final var adminBasic = http.withBasicAuth("admin", ADMIN_PASSWORD);
    final String token = (String) adminBasic.postForEntity("/api/tokens", Map.of("name", "admin script"), Map.class).getBody().get("token");
    final var headers = new HttpHeaders();
    headers.setBearerAuth(token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.exchange("/api/tokens", HttpMethod.POST, new HttpEntity<>(Map.of("name", "forever", "days", 366), headers), String.class)
        .getStatusCode().value()).as("a token minting a token").isEqualTo(403);
    assertThat(http.exchange("/api/users", HttpMethod.POST, new HttpEntity<>(Map.of("username", "sleeper", "roles", List.of("ADMIN")), headers),
        String.class).getStatusCode().value()).as("an admin's token making a user").isEqualTo(403);
    assertThat(http.exchange("/api/users", HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value())
        .as("nor reading the users").isEqualTo(403);
  }

  @Test
  void browserCredentialsNeedTheCsrfTokenButScriptsDoNot() throws Exception {
    final String password = accounts.create("csrf-carl", List.of("MARKETING"));
    final String lead = "{\"email\":\"csrf@example.com\",\"consent\":true}";
    final var browser = new Browser();
    browser.signIn("csrf-carl", password);
    assertThat(browser.postJson("/api/leads", lead, Map.of()).statusCode()).as("the session cookie without the page's token").isEqualTo(403);
    assertThat(browser.postJson("/api/leads", lead, Map.of("X-CSRF-TOKEN", browser.csrfToken("/tokens"))).statusCode())
        .as("a page of the app, with its token").isEqualTo(202);

    final String basic = basic("csrf-carl", password);
    final var noCookies = new Browser(false);
    assertThat(noCookies.postJson("/api/leads", lead, Map.of("Authorization", basic, "Origin", "https://evil.example")).statusCode())
        .as("a saved Basic sign-in driven from another site").isEqualTo(403);
    assertThat(noCookies.postJson("/api/leads", lead, Map.of("Authorization", basic, "Sec-Fetch-Site", "cross-site")).statusCode())
        .isEqualTo(403);
    assertThat(noCookies.postJson("/api/leads", lead, Map.of("Authorization", basic)).statusCode()).as("a script with Basic").isEqualTo(202);
  }

  @Test
  void pagesSayScriptsComeFromTheAppOnly() {
    final var login = http.getForEntity("/login", String.class);
    assertThat(login.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
  }

  private org.springframework.http.ResponseEntity<String> withToken(final String token) {
    final var headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return http.exchange("/api/tasks", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** A browser: keeps cookies, follows no redirects, sends what a browser sends. */
  private final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient client;

    Browser() {
      this(true);
    }

    Browser(final boolean cookies) {
      final var builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
      client = (cookies ? builder.cookieHandler(new CookieManager()) : builder).build();
    }

    HttpResponse<String> signIn(final String username, final String password) throws IOException, InterruptedException {
      final String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrfToken("/login"));
      return client.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String csrfToken(final String page) throws IOException, InterruptedException {
      final var matcher = CSRF.matcher(get(page).body());
      assertThat(matcher.find()).as("a form with a CSRF token on %s", page).isTrue();
      return matcher.group(1);
    }

    HttpResponse<String> get(final String path) throws IOException, InterruptedException {
      return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(final String path, final String authorization) throws IOException, InterruptedException {
      return client.send(request(path).header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(final String path, final String json, final Map<String, String> headers) throws IOException, InterruptedException {
      final var request = request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
      headers.forEach(request::header);
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(final String path) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    private static String encode(final String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}
