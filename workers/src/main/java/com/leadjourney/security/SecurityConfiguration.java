package com.leadjourney.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Who gets in where. The API takes HTTP Basic or an API token on every call (and the workbench's
 * session); the pages take a form sign-in with a session; the embedded engine's user-task REST
 * endpoints take only the app's internal credential. Each area of the API belongs to the roles that
 * work in it: designer, XDR, AE, manager, marketing, sales (signs definitions), leadership,
 * integration (systems posting leads), metrics (Prometheus) and admin. README "Security" is the
 * threat model these rules answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInThrottle.Limits.class)
class SecurityConfiguration {

  /** Pages: scripts and everything else from this app only; no framing (clickjacking). */
  private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /** One CSRF token per session, for the pages' forms and the API calls a signed-in browser makes. */
  private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
  /** Not a bean: as one, Spring Boot would also run it outside the security chains, on every request. */
  private final SessionCredentialsCheck sessions;

  SecurityConfiguration(final AppUserRepository users, final Clock clock) {
    sessions = new SessionCredentialsCheck(users, clock);
  }

  /**
   * The Camunda client's user-task commands (complete, assign) in embedded mode: only the app's own
   * client, by its internal credential. Any other way to complete a task would skip the audit trail,
   * the inbox row and the routing cap slot that the app's task API moves together.
   */
  @Bean
  @Order(0)
  SecurityFilterChain engineUserTasks(final HttpSecurity http, final InternalCredential internal) throws Exception {
    return http.securityMatcher("/v2/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(InternalCredential.ROLE))
        .authenticationManager(internal::authenticate)
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
            "The engine's user-task endpoints are the app's own; work tasks through /api/tasks")))
        .csrf(csrf -> csrf.disable()) // no browser holds the internal credential
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(final HttpSecurity http, final ApiTokenIntrospector introspector, final PasswordSignIn passwords)
      throws Exception {
    return http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
        .authorizeHttpRequests(
            auth ->
                // Health answers everyone (load balancers, compose); its details only the signed-in
                // (management.endpoint.health.show-details). The API's description is public, like its code.
                auth.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                    .permitAll()
                    .requestMatchers("/actuator/prometheus").hasAnyRole("METRICS", "ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/webhooks/*").permitAll() // signed with the source's secret instead
                    // A token acts for its owner but cannot make more credentials: revoking a leaked one ends its access.
                    .requestMatchers("/api/users/**").access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("ADMIN"), signedInWithPassword()))
                    // A subscription sends every lead's events to a URL: like making users, a leaked token must not be able to.
                    .requestMatchers("/api/event-subscriptions/**")
                    .access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("ADMIN"), signedInWithPassword()))
                    .requestMatchers(HttpMethod.POST, "/api/tokens").access(signedInWithPassword())
                    .requestMatchers("/api/tokens/**").authenticated() // everyone's own
                    .requestMatchers("/api/processes/**", "/api/incidents/**", "/api/stages/**").hasAnyRole("DESIGNER", "ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/leads/*/erasure").hasAnyRole("PRIVACY", "ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/leads", "/api/leads/*/engagements", "/api/leads/*/opt-out")
                    .hasAnyRole("INTEGRATION", "MARKETING", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/leads/**").authenticated()
                    .requestMatchers("/api/tasks/**").hasAnyRole("XDR", "AE", "MANAGER", "ADMIN") // and only their team's: TaskAccess
                    .requestMatchers("/api/opportunities/**").hasAnyRole("AE", "MANAGER", "SALES", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/teams/**", "/api/out-of-office/**").hasAnyRole("XDR", "AE", "MANAGER", "ADMIN")
                    // and only the teams they manage: TeamRoster
                    .requestMatchers("/api/teams/**", "/api/out-of-office/**").hasAnyRole("MANAGER", "ADMIN")
                    .requestMatchers("/api/accounts/**").hasAnyRole("MANAGER", "MARKETING", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/definitions/**", "/api/replays/**", "/api/definition-suggestions/**").hasAnyRole("MARKETING", "SALES", "LEADERSHIP", "ADMIN")
                    .requestMatchers("/api/definitions/**", "/api/replays/**", "/api/definition-suggestions/**").hasAnyRole("MARKETING", "SALES", "ADMIN")
                    .requestMatchers("/api/imports/**", "/api/import-mappings/**").hasAnyRole("MARKETING", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/campaigns/**", "/api/programs/**", "/api/marketing-pacing/**", "/api/marketing-targets/**")
                    .hasAnyRole("MARKETING", "SALES", "LEADERSHIP", "ADMIN")
                    .requestMatchers("/api/campaigns/**", "/api/programs/**", "/api/marketing-pacing/**", "/api/marketing-targets/**")
                    .hasAnyRole("MARKETING", "ADMIN")
                    .requestMatchers("/api/cadence-reviews/**", "/api/measures/**").hasAnyRole("LEADERSHIP", "MARKETING", "SALES", "MANAGER", "ADMIN")
                    .requestMatchers("/api/notifications/**").authenticated() // everyone's own (and a manager their teams'): NotificationController
                    // Anything not designed yet is for admins only, never open by accident.
                    .anyRequest()
                    .hasRole("ADMIN"))
        // A password (Basic) or a personal API token (Bearer ljt_…); nothing else checks credentials.
        .authenticationManager(new ProviderManager(passwords, new OpaqueTokenAuthenticationProvider(introspector)))
        .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
        // Or "Authorization: Bearer ljt_…": a personal API token (ApiTokenIntrospector).
        .oauth2ResourceServer(bearer -> bearer.opaqueToken(token -> token.introspector(introspector))
            .authenticationEntryPoint(SecurityConfiguration::unauthorized))
        .exceptionHandling(e -> e.accessDeniedHandler(SecurityConfiguration::forbidden))
        // Scripts authenticate on every call and get no session; a signed-in workbench page may call
        // the API with its session (never created here), and then needs the page's CSRF token.
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .securityContext(c -> c.securityContextRepository(new SessionReadOnly()))
        .addFilterAfter(sessions, SecurityContextHolderFilter.class)
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).requireCsrfProtectionMatcher(new BrowserCredentials()))
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
        .build();
  }

  /**
   * The workbench pages: form sign-in with a session and CSRF protection for people in a browser
   * (anonymous pages redirect to the sign-in page); HTTP Basic still works for scripts fetching the
   * printable review pages.
   */
  @Bean
  @Order(2)
  SecurityFilterChain pageSecurity(final HttpSecurity http, final PasswordSignIn passwords) throws Exception {
    return http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/login", "/favicon.ico", "/workbench.css", "/js/**", "/webjars/**").permitAll()
                    .requestMatchers("/inbox/**").hasAnyRole("XDR", "AE", "MANAGER", "ADMIN")
                    .requestMatchers("/team/**").hasAnyRole("MANAGER", "ADMIN")
                    .requestMatchers("/opportunities/**").hasAnyRole("AE", "MANAGER", "SALES", "ADMIN")
                    .requestMatchers("/reviews/**").hasAnyRole("LEADERSHIP", "MARKETING", "SALES", "MANAGER", "ADMIN")
                    .requestMatchers("/marketing/imports/**").hasAnyRole("MARKETING", "ADMIN")
                    .requestMatchers("/marketing/definitions/**").hasAnyRole("MARKETING", "SALES", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/marketing").hasAnyRole("MARKETING", "SALES", "LEADERSHIP", "ADMIN")
                    .requestMatchers("/designer/**").hasAnyRole("DESIGNER", "ADMIN")
                    .requestMatchers(HttpMethod.POST, "/leads/*/erasure").hasAnyRole("PRIVACY", "ADMIN")
                    .requestMatchers("/", "/leads/**", "/tokens/**", "/notifications/**", "/events").authenticated()
                    .anyRequest()
                    .hasRole("ADMIN"))
        .authenticationManager(new ProviderManager(passwords))
        .formLogin(form -> form.loginPage("/login").successHandler(sessions.signedIn("/")).failureHandler(SecurityConfiguration::signInFailed)
            .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
        .httpBasic(basic -> {})
        .addFilterAfter(sessions, SecurityContextHolderFilter.class)
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)))
        .build();
  }

  /** Signed in with a password (form, Basic), not with an API token. */
  private static AuthorizationManager<RequestAuthorizationContext> signedInWithPassword() {
    return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
        (authentication, context) -> new AuthorizationDecision(!(authentication.get() instanceof BearerTokenAuthentication)));
  }

  private static void signInFailed(final HttpServletRequest request, final HttpServletResponse response, final AuthenticationException e)
      throws IOException, jakarta.servlet.ServletException {
    new SimpleUrlAuthenticationFailureHandler(e instanceof SignInThrottledException ? "/login?throttled" : "/login?error")
        .onAuthenticationFailure(request, response, e);
  }

  /**
   * 401 as problem+json, like every other API error, still offering HTTP Basic — 429 while failed
   * sign-ins from there are throttled, or 503 when the credentials could not be checked at all
   * because the user store (the database) is not answering.
   */
  private static void unauthorized(
      final HttpServletRequest request, final HttpServletResponse response, final AuthenticationException e)
      throws IOException {
    if (e instanceof SignInThrottledException throttled) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
      problem(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins", throttled.getMessage());
      return;
    }
    if (e instanceof AuthenticationServiceException) { // InternalAuthenticationServiceException too
      response.setHeader(HttpHeaders.RETRY_AFTER, "10");
      problem(response, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
          "Sign-in could not be checked: the database is not answering. Nothing was stored. Try again in a few seconds.");
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"lead-journey\"");
    problem(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
        "Sign in with HTTP Basic (user admin: the password from LEADJOURNEY_ADMIN_PASSWORD or the first-start password file)"
            + " or an API token (Authorization: Bearer ljt_…) that is valid");
  }

  /** 403 as problem+json: signed in, but this area belongs to other roles (or a browser request lacks its CSRF token). */
  private static void forbidden(final HttpServletRequest request, final HttpServletResponse response, final AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      problem(response, HttpStatus.FORBIDDEN, "CSRF token missing",
          "This request carries credentials a browser sends by itself (a session, or a saved sign-in) but no CSRF token: "
              + "send the page's X-CSRF-TOKEN, or call the API from a script with an API token");
      return;
    }
    problem(response, HttpStatus.FORBIDDEN, "Forbidden", "Your roles (or, for users and new tokens, an API token) do not allow this part of the API");
  }

  /** Security's answers are written before any controller runs, so they are serialized here. */
  static void problem(final HttpServletResponse response, final HttpStatus status, final String title, final String detail)
      throws IOException {
    final Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    PROBLEM_JSON.writeValue(response.getWriter(), problem);
  }

  private static final ObjectMapper PROBLEM_JSON = new ObjectMapper();

  /** Static: the engine's gateway checks passwords too, and the engine is built before this configuration. */
  @Bean
  static PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable
  }
}
