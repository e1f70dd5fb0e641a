package com.leadjourney.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.platform.BodyTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every API body is limited before it is read, ahead of everything else (sign-in included): a
 * declared length over the limit is 413 at once, and a body sent without one (chunked) is counted
 * as it arrives and refused at the limit. CSV imports get a larger limit. Intake webhooks check
 * their source and signature first and then apply their own limit (WebhookIntakeController).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestBodyLimits.Limits.class)
class RequestBodyLimits {

  /**
   * @param maxBodySize any API request body
   * @param maxImportSize a CSV file posted to /api/imports (100,000 rows of a typical export are about 15 MB)
   */
  @ConfigurationProperties("leadjourney.http")
  record Limits(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("100MB") DataSize maxImportSize) {}

  @Bean
  FilterRegistrationBean<Filter> requestBodyLimit(final Limits limits) {
    final var registration = new FilterRegistrationBean<>(new Filter(limits));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * A client that asks first ({@code Expect: 100-continue}; curl does from 1 MB on) is told to go
   * on only when the app starts reading the body — Tomcat's default tells it at once — so a refusal
   * (413 over the limit, 401, 403) reaches it before it uploads anything.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnlyWhenRead() {
    return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
  }

  static final class Filter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Limits limits;

    Filter(final Limits limits) {
      this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(final HttpServletRequest request) {
      return request.getRequestURI().startsWith("/api/webhooks/");
    }

    @Override
    protected void doFilterInternal(final HttpServletRequest request, final HttpServletResponse response, final FilterChain chain)
        throws ServletException, IOException {
      final long limit = (request.getRequestURI().startsWith("/api/imports") ? limits.maxImportSize() : limits.maxBodySize()).toBytes();
      if (request.getContentLengthLong() > limit) {
        tooLarge(response, limit);
        return;
      }
      chain.doFilter(new Limited(request, limit), response);
    }

    static void tooLarge(final HttpServletResponse response, final long limit) throws IOException {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setHeader("Connection", "close"); // the rest of the body is not read
      JSON.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", "Request body too large", "status", 413,
          "detail", "This endpoint takes at most " + limit + " bytes; send less (a large CSV import: split the file)"));
    }
  }

  /** The request with its body counted as it is read. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream counted;

    Limited(final HttpServletRequest request, final long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new Counted(super.getInputStream(), limit);
      }
      return counted;
    }
  }

  private static final class Counted extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counted(final ServletInputStream in, final long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      final int b = in.read();
      if (b != -1) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(final byte[] buffer, final int offset, final int length) throws IOException {
      final int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(final int n) throws BodyTooLargeException {
      read += n;
      if (read > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(final ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
