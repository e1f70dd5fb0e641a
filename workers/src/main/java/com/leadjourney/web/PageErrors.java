package com.leadjourney.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A refused or failed page is a page: in the workbench's layout, saying what happened and what to
 * do, with a way back — not JSON or Boot's whitelabel. The API keeps its problem+json
 * ({@link ProblemHandler}); errors outside any controller (the security chain's 403, a 404) reach
 * the same template through {@link ProblemErrorController}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  private final ProblemHandler problems;

  PageErrors(final ProblemHandler problems) {
    this.problems = problems;
  }

  @ExceptionHandler({
    ResponseStatusException.class, MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
    NoResourceFoundException.class
  })
  Object refused(final Exception ex, final HttpServletRequest request, final WebRequest web) throws Exception {
    if (!isPage(request)) {
      return problems.handleException(ex, web);
    }
    final HttpStatusCode status = ex instanceof ErrorResponse response ? response.getStatusCode() : HttpStatus.BAD_REQUEST;
    final String detail = switch (ex) {
      case ResponseStatusException e -> e.getReason();
      case MissingServletRequestParameterException e -> "The form left out " + e.getParameterName() + "; fill it in and send it again.";
      case MethodArgumentTypeMismatchException e -> "'" + e.getValue() + "' is not a valid " + e.getName() + ".";
      default -> null;
    };
    return view(status.value(), detail, request.getRequestURI());
  }

  /** The workbench's error page for {@code status}; {@code detail} is for the person, never a stack trace. */
  static ModelAndView view(final int status, final String detail, final String path) {
    final var page = new ModelAndView("error");
    page.setStatus(HttpStatus.valueOf(status));
    page.addObject("status", status);
    page.addObject("error", HttpStatus.valueOf(status).getReasonPhrase());
    page.addObject("message", detail);
    page.addObject("path", path);
    return page;
  }

  /** A person's browser asking for a page, not a script calling the API. */
  static boolean isPage(final HttpServletRequest request) {
    final String path = request.getRequestURI();
    final String accept = request.getHeader(HttpHeaders.ACCEPT);
    return !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.startsWith("/v2/") && !path.startsWith("/v3/")
        && accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith);
  }
}
