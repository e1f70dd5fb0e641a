package io.camunda.zeebe.process.test.engine;

import com.google.protobuf.GeneratedMessage;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.util.buffer.BufferUtil;
import io.camunda.zeebe.util.buffer.BufferWriter;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the gateway's waiting requests with the engine's command responses. The stock writer of
 * zeebe-process-test keeps the record key, intent and value it answers with in static fields, shared
 * by every engine in the JVM: with two engines processing at once (the test suite's kept Spring
 * apps, a scale-out set-up) one answered with the other's record, failed to map it and left the
 * client waiting until its deadline. This one keeps them per engine, and a response it cannot map
 * still reaches the client, as an error.
 */
final class EngineResponseWriter implements CommandResponseWriter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineResponseWriter.class);

  private final GatewayRequestStore requests;
  private final GrpcResponseMapper mapper = new GrpcResponseMapper();
  private final MutableDirectBuffer value = new ExpandableArrayBuffer();
  private final DirectBuffer valueView = new UnsafeBuffer();
  private long key = -1;
  private Intent intent = Intent.UNKNOWN;
  private RejectionType rejectionType = RejectionType.NULL_VAL;
  private String rejectionReason = "";

  EngineResponseWriter(final GatewayRequestStore requests) {
    this.requests = requests;
  }

  @Override
  public CommandResponseWriter partitionId(final int partitionId) {
    return this;
  }

  @Override
  public CommandResponseWriter key(final long key) {
    this.key = key;
    return this;
  }

  @Override
  public CommandResponseWriter intent(final Intent intent) {
    this.intent = intent;
    return this;
  }

  @Override
  public CommandResponseWriter recordType(final RecordType recordType) {
    return this;
  }

  @Override
  public CommandResponseWriter valueType(final ValueType valueType) {
    return this;
  }

  @Override
  public CommandResponseWriter rejectionType(final RejectionType rejectionType) {
    this.rejectionType = rejectionType;
    return this;
  }

  @Override
  public CommandResponseWriter rejectionReason(final DirectBuffer rejectionReason) {
    this.rejectionReason = BufferUtil.bufferAsString(rejectionReason);
    return this;
  }

  @Override
  public CommandResponseWriter valueWriter(final BufferWriter writer) {
    writer.write(value, 0);
    valueView.wrap(value, 0, writer.getLength());
    return this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void tryWriteResponse(final int requestStreamId, final long requestId) {
    final GatewayRequestStore.Request request = requests.removeRequest(requestId);
    if (request == null) {
      return; // the engine also answers commands nobody waits for (e.g. signals thrown by a process)
    }
    final var client = (StreamObserver<GeneratedMessage>) request.responseObserver();
    try {
      if (rejectionType != RejectionType.NULL_VAL) {
        client.onError(StatusProto.toStatusException(mapper.createRejectionResponse(rejectionType, intent, rejectionReason)));
      } else {
        client.onNext(mapper.map(request.requestType(), valueView, key, intent));
        client.onCompleted();
      }
    } catch (final StatusRuntimeException e) {
      // The client gave up (deadline, worker closed, app stopping): nobody to answer, nothing wrong with the engine.
      LOG.debug("The client of a {} request left before the engine's {} response: {}", request.requestType().getSimpleName(), intent, e.getStatus());
    } catch (final RuntimeException e) {
      LOG.error("Cannot answer a {} request with the engine's {} response", request.requestType().getSimpleName(), intent, e);
      client.onError(Status.INTERNAL.withDescription("The engine could not map its response: " + e).asException());
    }
  }
}
