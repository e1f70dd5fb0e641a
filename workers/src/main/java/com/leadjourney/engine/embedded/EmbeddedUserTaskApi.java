package com.leadjourney.engine.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.grpc.Status;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.agrona.concurrent.UnsafeBuffer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The user-task part of Camunda's REST API v2, served by the app for its embedded engine, whose
 * gateway speaks gRPC only. The Camunda client sends user-task commands over REST; in embedded
 * mode its rest-address points here, so {@code client.newCompleteUserTaskCommand(key)} works the
 * same in both modes. Only the app's own client may call it, with its internal credential (see the
 * security configuration): people complete tasks through {@code /api/tasks}, which moves the audit
 * trail, the inbox row and the routing cap slot together with the engine.
 */
@RestController
@ConditionalOnProperty(name = "leadjourney.engine.embedded", matchIfMissing = true)
class EmbeddedUserTaskApi {

  record Completion(Map<String, Object> variables, String action) {}

  record Assignment(String assignee, Boolean allowOverride, String action) {}

  private final EmbeddedEngine engine;
  private final ObjectMapper json;

  EmbeddedUserTaskApi(final EmbeddedEngine engine, final ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  @PostMapping("/v2/user-tasks/{userTaskKey}/completion")
  ResponseEntity<Void> complete(@PathVariable final long userTaskKey, @RequestBody(required = false) final Completion body) {
    final var command = new UserTaskRecord().setAction(actionOr(body == null ? null : body.action(), "complete"));
    if (body != null && body.variables() != null && !body.variables().isEmpty()) {
      command.setVariables(msgPack(body.variables()));
    }
    return send(userTaskKey, UserTaskIntent.COMPLETE, command);
  }

  @PostMapping("/v2/user-tasks/{userTaskKey}/assignment")
  ResponseEntity<Void> assign(@PathVariable final long userTaskKey, @RequestBody final Assignment body) {
    if (body.assignee() == null || body.assignee().isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "assignee is required");
    }
    final var command = new UserTaskRecord().setAssignee(body.assignee()).setAction(actionOr(body.action(), "assign"));
    if (Boolean.FALSE.equals(body.allowOverride())) {
      return send(userTaskKey, UserTaskIntent.CLAIM, command.setAction(actionOr(body.action(), "claim")));
    }
    return send(userTaskKey, UserTaskIntent.ASSIGN, command);
  }

  @DeleteMapping("/v2/user-tasks/{userTaskKey}/assignee")
  ResponseEntity<Void> unassign(@PathVariable final long userTaskKey) {
    return send(userTaskKey, UserTaskIntent.ASSIGN, new UserTaskRecord().setAssignee("").setAction("unassign"));
  }

  private ResponseEntity<Void> send(final long key, final UserTaskIntent intent, final UserTaskRecord command) {
    try {
      engine.writeUserTaskCommand(key, intent, command).get(10, TimeUnit.SECONDS);
      return ResponseEntity.noContent().build();
    } catch (final ExecutionException | CompletionException e) {
      final Status status = Status.fromThrowable(e.getCause());
      throw new ResponseStatusException(httpStatus(status.getCode()), status.getDescription());
    } catch (final TimeoutException e) {
      throw new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "The engine did not answer the user task command in time");
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted");
    }
  }

  private static HttpStatus httpStatus(final Status.Code code) {
    return switch (code) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FAILED_PRECONDITION, ALREADY_EXISTS -> HttpStatus.CONFLICT;
      case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
      case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
      default -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }

  private static String actionOr(final String action, final String fallback) {
    return action == null || action.isBlank() ? fallback : action;
  }

  private UnsafeBuffer msgPack(final Map<String, Object> variables) {
    try {
      return new UnsafeBuffer(MsgPackConverter.convertToMsgPack(json.writeValueAsString(variables)));
    } catch (final JsonProcessingException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "variables must be a JSON object");
    }
  }
}
