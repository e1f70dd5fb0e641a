package com.leadjourney.platform;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Makes the engine deliver every job twice: the worker's first answer for a job (complete or BPMN
 * error) never reaches the engine — the worker hears NOT_FOUND, as when its job timed out and went
 * to another worker, and lets go — so the job times out and comes back under the same key, and the
 * handler runs again. Remembers which job types were delivered twice.
 */
final class FirstCompletionLost implements ClientInterceptor {

  private final Map<Long, String> typeOfJob = new ConcurrentHashMap<>();
  private final Set<Long> lostOnce = ConcurrentHashMap.newKeySet();
  private final Set<String> deliveredTwice = ConcurrentHashMap.newKeySet();

  /** Job types whose handler ran a second time for the same job and whose second answer went through. */
  Set<String> deliveredTwice() {
    return Set.copyOf(deliveredTwice);
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(final MethodDescriptor<Q, R> method, final CallOptions options, final Channel next) {
    return switch (method.getBareMethodName()) {
      case "ActivateJobs", "StreamActivatedJobs" -> new JobTypesNoted<>(next.newCall(method, options));
      case "CompleteJob", "ThrowError" -> new FirstAnswerLost<>(() -> next.newCall(method, options));
      default -> next.newCall(method, options);
    };
  }

  private void noteTypes(final Object message) {
    if (message instanceof ActivatedJob job) {
      typeOfJob.put(job.getKey(), job.getType());
    } else if (message instanceof ActivateJobsResponse response) {
      response.getJobsList().forEach(job -> typeOfJob.put(job.getKey(), job.getType()));
    }
  }

  /** True when this answer is the job's first, and is to be lost. */
  private boolean loses(final Object answer) {
    final long key =
        answer instanceof CompleteJobRequest complete ? complete.getJobKey() : ((ThrowErrorRequest) answer).getJobKey();
    if (lostOnce.add(key)) {
      return true;
    }
    deliveredTwice.add(typeOfJob.getOrDefault(key, "unknown"));
    return false;
  }

  private final class JobTypesNoted<Q, R> extends SimpleForwardingClientCall<Q, R> {
    JobTypesNoted(final ClientCall<Q, R> call) {
      super(call);
    }

    @Override
    public void start(final Listener<R> listener, final Metadata headers) {
      super.start(
          new SimpleForwardingClientCallListener<>(listener) {
            @Override
            public void onMessage(final R message) {
              noteTypes(message);
              super.onMessage(message);
            }
          },
          headers);
    }
  }

  /** A unary call that opens the real one only once its request shows it is not the job's first answer. */
  private final class FirstAnswerLost<Q, R> extends ClientCall<Q, R> {
    private final Supplier<ClientCall<Q, R>> open;
    private ClientCall<Q, R> real;
    private Listener<R> listener;
    private Metadata headers;
    private int requested;
    private boolean lost;

    FirstAnswerLost(final Supplier<ClientCall<Q, R>> open) {
      this.open = open;
    }

    @Override
    public void start(final Listener<R> listener, final Metadata headers) {
      this.listener = listener;
      this.headers = headers;
    }

    @Override
    public void request(final int messages) {
      if (real == null) {
        requested += messages;
      } else {
        real.request(messages);
      }
    }

    @Override
    public void sendMessage(final Q message) {
      lost = loses(message);
      if (!lost) {
        real = open.get();
        real.start(listener, headers);
        real.request(requested);
        real.sendMessage(message);
      }
    }

    @Override
    public void halfClose() {
      if (lost) {
        listener.onClose(Status.NOT_FOUND.withDescription("answer lost on purpose: the job times out and comes again"), new Metadata());
      } else {
        real.halfClose();
      }
    }

    @Override
    public void cancel(final String message, final Throwable cause) {
      if (real != null) {
        real.cancel(message, cause);
      }
    }
  }
}
