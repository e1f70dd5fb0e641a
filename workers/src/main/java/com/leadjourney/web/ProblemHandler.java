package com.leadjourney.web;

import com.leadjourney.platform.BodyTooLargeException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** Every API error as RFC 9457 problem+json, saying what to fix. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      final MethodArgumentNotValidException ex,
      final HttpHeaders headers,
      final HttpStatusCode status,
      final WebRequest request) {
    final List<Map<String, String>> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
            .toList();
    final var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary(errors));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      final HttpMessageNotReadableException ex,
      final HttpHeaders headers,
      final HttpStatusCode status,
      final WebRequest request) {
    final var tooLarge = tooLarge(ex);
    if (tooLarge != null) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close").body((Object) tooLarge);
    }
    final String detail =
        switch (ex.getCause()) {
          case UnrecognizedPropertyException u ->
              "Unknown field '" + u.getPropertyName() + "'; put extra attributes under customFields";
          case InvalidFormatException f when scalar(f.getTargetType()) -> "Field '" + path(f) + "' must be " + expected(f.getTargetType()) + ", not " + f.getValue();
          case InvalidFormatException f -> "Field '" + path(f) + "' has the wrong type: " + f.getValue();
          case com.fasterxml.jackson.databind.exc.MismatchedInputException m when m.getTargetType() != null && !m.getPath().isEmpty() ->
              "Field '" + path(m) + "' must be " + expected(m.getTargetType());
          case null, default -> "The body is not valid JSON for this endpoint";
        };
    final var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Unreadable request body");
    return ResponseEntity.badRequest().body(problem);
  }

  private static String path(final com.fasterxml.jackson.databind.JsonMappingException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("?");
  }

  private static boolean scalar(final Class<?> type) {
    return type != null && (CharSequence.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type) || type.isPrimitive() || type == Boolean.class);
  }

  /** "a string", "a number", "true or false": what the field takes, in words. */
  private static String expected(final Class<?> type) {
    if (CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "a " + type.getSimpleName();
  }

  /** A body over its endpoint's limit, found while it was read (RequestBodyLimits, webhooks). */
  @ExceptionHandler(BodyTooLargeException.class)
  ResponseEntity<ProblemDetail> bodyTooLarge(final BodyTooLargeException ex) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close").body(tooLargeProblem(ex));
  }

  private static ProblemDetail tooLarge(final Throwable ex) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException tooLarge) {
        return tooLargeProblem(tooLarge);
      }
    }
    return null;
  }

  private static ProblemDetail tooLargeProblem(final BodyTooLargeException ex) {
    final var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "This endpoint takes at most " + ex.limit() + " bytes; send less (a large CSV import: split the file)");
    problem.setTitle("Request body too large");
    return problem;
  }

  /** The database is not answering (down, restarting, out of connections): nothing was stored. */
  @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(final Exception ex) {
    final var problem = ProblemDetail.forStatusAndDetail(
        HttpStatus.SERVICE_UNAVAILABLE, "The database is not answering; nothing was stored. Try again in a few seconds.");
    problem.setTitle("Database unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10").body(problem);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(final ConstraintViolationException ex) {
    final var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    problem.setTitle("Invalid request");
    return problem;
  }

  private static String summary(final List<Map<String, String>> errors) {
    return errors.stream().map(e -> e.get("field") + " " + e.get("message")).sorted().reduce((a, b) -> a + "; " + b).orElse("Invalid request");
  }
}
