package com.leadjourney.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that never reach a controller (a URL the security firewall rejects, a body the container
 * refuses) are answered like every other API error: RFC 9457 problem+json instead of Boot's own
 * JSON. Browsers asking for HTML still get the error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

  ProblemErrorController(final ErrorAttributes errorAttributes, final ServerProperties server) {
    super(errorAttributes, server.getError());
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(final HttpServletRequest request) {
    final HttpStatus status = getStatus(request);
    if (status == HttpStatus.NO_CONTENT) {
      return new ResponseEntity<>(status);
    }
    final Map<String, Object> attributes = getErrorAttributes(request, ErrorAttributeOptions.of(ErrorAttributeOptions.Include.MESSAGE));
    final Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    // What the client got wrong is theirs to read; what went wrong inside stays in the log.
    problem.put("detail", status.is4xxClientError() && attributes.get("message") != null && !"".equals(attributes.get("message"))
        ? attributes.get("message") : status.is5xxServerError() ? "Something went wrong on our side; it is logged" : status.getReasonPhrase());
    problem.put("instance", attributes.get("path"));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
