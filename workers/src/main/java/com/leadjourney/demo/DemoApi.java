package com.leadjourney.demo;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The demo's people use the product the way everyone does, over its HTTP API, signed in as
 * themselves: what they do passes the same validation, routing, SLA clocks and workers.
 */
final class DemoApi {

  private static final Logger LOG = LoggerFactory.getLogger(DemoApi.class);
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

  private final RestClient http;
  private final Map<String, String> passwords;

  DemoApi(final int port, final Map<String, String> passwords) {
    this.http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    this.passwords = passwords;
  }

  /** The answer, or null when the product said no (a task someone else closed, a deal already decided): people shrug and go on. */
  Map<String, Object> send(final String user, final HttpMethod method, final String uri, final Object body) {
    try {
      final var request = http.method(method).uri(uri).headers(h -> h.setBasicAuth(user, passwords.get(user)));
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).body(body);
      }
      return request.retrieve().body(OBJECT);
    } catch (final RestClientResponseException e) {
      LOG.debug("Demo: {} {} {} answered {}", user, method, uri, e.getStatusCode());
      return null;
    }
  }

  List<Map<String, Object>> list(final String user, final String uri) {
    try {
      final var list = http.get().uri(uri).headers(h -> h.setBasicAuth(user, passwords.get(user))).retrieve().body(LIST);
      return list == null ? List.of() : list;
    } catch (final RestClientResponseException e) {
      LOG.debug("Demo: {} GET {} answered {}", user, uri, e.getStatusCode());
      return List.of();
    }
  }
}
