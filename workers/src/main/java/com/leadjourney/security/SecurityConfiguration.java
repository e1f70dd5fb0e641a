package com.leadjourney.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.expression.WebExpressionAuthorizationManager;

/**
 * The API takes HTTP Basic against users stored in the database; health and metrics are open.
 * Each area of the API belongs to the roles that work in it: designer, XDR, AE, manager, marketing,
 * sales (signs definitions), leadership, integration (systems posting leads) and admin.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(final HttpSecurity http, final ApiTokenIntrospector introspector) throws Exception {
    return http.securityMatcher("/api/**", "/v2/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/actuator/health/**", "/actuator/prometheus", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                    .permitAll()
                    // The Camunda client's user-task commands in embedded mode: this machine only.
                    .requestMatchers("/v2/user-tasks/**")
                    .access(new WebExpressionAuthorizationManager("hasIpAddress('127.0.0.1') or hasIpAddress('::1')"))
                    .requestMatchers(HttpMethod.POST, "/api/webhooks/*").permitAll() // signed with the source's secret instead
                    .requestMatchers("/api/users/**").hasRole("ADMIN")
                    .requestMatchers("/api/tokens/**").authenticated() // everyone's own
                    .requestMatchers("/api/processes/**", "/api/incidents/**", "/api/stages/**").hasAnyRole("DESIGNER", "ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/leads", "/api/leads/*/engagements", "/api/leads/*/opt-out")
                    .hasAnyRole("INTEGRATION", "MARKETING", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/leads/**").authenticated()
                    .requestMatchers("/api/tasks/**").hasAnyRole("XDR", "AE", "MANAGER", "ADMIN") // and only their team's: TaskAccess
                    .requestMatchers("/api/opportunities/**").hasAnyRole("AE", "MANAGER", "SALES", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/teams/**", "/api/out-of-office/**").hasAnyRole("XDR", "AE", "MANAGER", "ADMIN")
                    .requestMatchers("/api/teams/**", "/api/out-of-office/**").hasAnyRole("MANAGER", "ADMIN")
                    .requestMatchers("/api/accounts/**").hasAnyRole("MANAGER", "MARKETING", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/definitions/**", "/api/replays/**").hasAnyRole("MARKETING", "SALES", "LEADERSHIP", "ADMIN")
                    .requestMatchers("/api/definitions/**", "/api/replays/**").hasAnyRole("MARKETING", "SALES", "ADMIN")
                    .requestMatchers("/api/imports/**", "/api/import-mappings/**").hasAnyRole("MARKETING", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/campaigns/**", "/api/programs/**", "/api/marketing-pacing/**", "/api/marketing-targets/**")
                    .hasAnyRole("MARKETING", "SALES", "LEADERSHIP", "ADMIN")
                    .requestMatchers("/api/campaigns/**", "/api/programs/**", "/api/marketing-pacing/**", "/api/marketing-targets/**")
                    .hasAnyRole("MARKETING", "ADMIN")
                    .requestMatchers("/api/cadence-reviews/**", "/reviews/**").hasAnyRole("LEADERSHIP", "MARKETING", "SALES", "MANAGER", "ADMIN")
                    .requestMatchers("/api/notifications/**").authenticated() // everyone's own inbox
                    // Anything not designed yet is for admins only, never open by accident.
                    .anyRequest()
                    .hasRole("ADMIN"))
        .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
        // Or "Authorization: Bearer ljt_…": a personal API token (ApiTokenIntrospector).
        .oauth2ResourceServer(bearer -> bearer.opaqueToken(token -> token.introspector(introspector))
            .authenticationEntryPoint(SecurityConfiguration::unauthorized))
        .exceptionHandling(e -> e.accessDeniedHandler(SecurityConfiguration::forbidden))
        // Stateless API clients authenticate on every call; no session, so no CSRF exposure.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  /**
   * The workbench pages: form login with a session and CSRF protection for people in a browser
   * (anonymous pages redirect to the login page); HTTP Basic still works for scripts fetching the
   * printable review pages.
   */
  @Bean
  @Order(2)
  SecurityFilterChain pageSecurity(final HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/login", "/favicon.ico", "/workbench.css", "/webjars/**").permitAll()
                    .requestMatchers("/inbox/**").hasAnyRole("XDR", "AE", "MANAGER", "ADMIN")
                    .requestMatchers("/team/**").hasAnyRole("MANAGER", "ADMIN")
                    .requestMatchers("/opportunities/**").hasAnyRole("AE", "MANAGER", "SALES", "ADMIN")
                    .requestMatchers("/reviews/**").hasAnyRole("LEADERSHIP", "MARKETING", "SALES", "MANAGER", "ADMIN")
                    .requestMatchers("/marketing/imports/**").hasAnyRole("MARKETING", "ADMIN")
                    .requestMatchers("/marketing/definitions/**").hasAnyRole("MARKETING", "SALES", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/marketing").hasAnyRole("MARKETING", "SALES", "LEADERSHIP", "ADMIN")
                    .requestMatchers("/designer/**").hasAnyRole("DESIGNER", "ADMIN")
                    .requestMatchers("/", "/leads/**", "/tokens/**").authenticated()
                    .anyRequest()
                    .hasRole("ADMIN"))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
        .httpBasic(basic -> {})
        .build();
  }

  /**
   * 401 as problem+json, like every other API error, still offering HTTP Basic — or 503 when the
   * credentials could not be checked at all because the user store (the database) is not answering.
   */
  private static void unauthorized(
      final HttpServletRequest request, final HttpServletResponse response, final AuthenticationException e)
      throws IOException {
    if (e instanceof AuthenticationServiceException) { // InternalAuthenticationServiceException too
      response.setHeader(HttpHeaders.RETRY_AFTER, "10");
      problem(response, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
          "Sign-in could not be checked: the database is not answering. Nothing was stored. Try again in a few seconds.");
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"lead-journey\"");
    problem(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
        "Sign in with HTTP Basic (user admin: the password from LEADJOURNEY_ADMIN_PASSWORD or the first-start log)"
            + " or an API token (Authorization: Bearer ljt_…) that is valid");
  }

  /** 403 as problem+json: signed in, but this area belongs to other roles. */
  private static void forbidden(
      final HttpServletRequest request, final HttpServletResponse response, final org.springframework.security.access.AccessDeniedException e)
      throws IOException {
    problem(response, HttpStatus.FORBIDDEN, "Forbidden", "Your roles do not include this part of the API");
  }

  /** Security's answers are written before any controller runs, so they are serialized here. */
  private static void problem(final HttpServletResponse response, final HttpStatus status, final String title, final String detail)
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

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable
  }

  @Bean
  UserDetailsService users(final AppUserRepository users) {
    return username ->
        users.findById(username)
            .map(u -> User.withUsername(u.username()).password(u.passwordHash()).roles(u.roles().toArray(String[]::new)).build())
            .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
  }
}
