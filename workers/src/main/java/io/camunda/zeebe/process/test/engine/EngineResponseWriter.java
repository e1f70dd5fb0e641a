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
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
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
 *
 * <p>The response is mapped on the engine's thread (the record's buffers are reused for the next
 * command) but handed to gRPC on a thread of its own: writing it to the network took 12% of the
 * engine thread's time, and every lead's every step waits on that one thread.
 */
final class EngineResponseWriter implements CommandResponseWriter, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EngineResponseWriter.class);

  private final GatewayRequestStore requests;
  private final GrpcResponseMapper mapper = new GrpcResponseMapper();
  private final MutableDirectBuffer value = new ExpandableArrayBuffer();
  private final DirectBuffer valueView = new UnsafeBuffer();
  private long key = -1;
  private Intent intent = Intent.UNKNOWN;
  private RejectionType rejectionType = RejectionType.NULL_VAL;
  private String rejectionReason = "";
  private final ExecutorService answers =
      Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("engine-answers").daemon().unstarted(r));

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
    final Consumer<StreamObserver<GeneratedMessage>> answer = answerTo(request);
    try {
      answers.execute(() -> answer.accept(client));
    } catch (final RejectedExecutionException closing) {
      answer.accept(client);
    }
  }

  /** The answer, fixed now: the fields above describe the next command once this method returns. */
  private Consumer<StreamObserver<GeneratedMessage>> answerTo(final GatewayRequestStore.Request request) {
    if (rejectionType != RejectionType.NULL_VAL) {
      final var rejection = StatusProto.toStatusException(mapper.createRejectionResponse(rejectionType, intent, rejectionReason));
      return client -> client.onError(rejection);
    }
    try {
      final GeneratedMessage response = mapper.map(request.requestType(), valueView, key, intent);
      return client -> {
        client.onNext(response);
        client.onCompleted();
      };
    } catch (final RuntimeException e) {
      LOG.error("Cannot answer a {} request with the engine's {} response", request.requestType().getSimpleName(), intent, e);
      final var failure = Status.INTERNAL.withDescription("The engine could not map its response: " + e).asException();
      return client -> client.onError(failure);
    }
  }

  /** Answers already handed over still go out; then the thread ends. */
  @Override
  public void close() {
    answers.shutdown();
  }
}
