package com.leadjourney.engine.embedded;

import com.leadjourney.engine.ReservedModelIds;

import com.leadjourney.engine.GatewayAccess;

import com.leadjourney.engine.embedded.DefinedModelIds.UnreadableModelException;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Resource;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every call to the embedded engine's gateway is authenticated (HTTP Basic in the
 * {@code authorization} metadata) and authorized: the app's own client may do anything; a process
 * designer may read the topology and deploy, except models the app reserves; anyone else nothing.
 * Without it, whatever reached the port could deploy a decision that makes every lead an MQL,
 * complete jobs or cancel journeys around the app's roles and audit trail.
 */
public final class GatewayGuard implements ServerInterceptor {

  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String TOPOLOGY = "Topology";
  private static final String DEPLOY_RESOURCE = "DeployResource";

  private final GatewayAccess access;
  private final ReservedModelIds reserved;

  public GatewayGuard(final GatewayAccess access, final ReservedModelIds reserved) {
    this.access = access;
    this.reserved = reserved;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(final ServerCall<Q, R> call, final Metadata headers, final ServerCallHandler<Q, R> next) {
    final Optional<GatewayAccess.GatewayCaller> caller = caller(headers.get(AUTHORIZATION), call);
    if (caller.isEmpty()) {
      return refuse(call, Status.UNAUTHENTICATED.withDescription(
          "Sign in with HTTP Basic: a user of the app with the DESIGNER role (Camunda Modeler: authentication 'Basic')"));
    }
    if (caller.get().internal()) {
      return next.startCall(call, headers);
    }
    final String method = call.getMethodDescriptor().getBareMethodName();
    if (!caller.get().mayDeploy() || !(TOPOLOGY.equals(method) || DEPLOY_RESOURCE.equals(method))) {
      return refuse(call, Status.PERMISSION_DENIED.withDescription(
          "The gateway lets process designers (role DESIGNER) read the topology and deploy models; "
              + method + " is the app's own: use the app's API and pages"));
    }
    final ServerCall.Listener<Q> listener = next.startCall(call, headers);
    return DEPLOY_RESOURCE.equals(method) ? new ReservedModelCheck<>(listener, call) : listener;
  }

  private Optional<GatewayAccess.GatewayCaller> caller(final String authorization, final ServerCall<?, ?> call) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    final String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (final IllegalArgumentException e) {
      return Optional.empty();
    }
    final int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return access.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1), call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
  }

  private static <Q, R> ServerCall.Listener<Q> refuse(final ServerCall<Q, R> call, final Status status) {
    call.close(status, new Metadata());
    return new ServerCall.Listener<>() {};
  }

  /** A deployment goes on to the engine only if none of its resources defines a reserved id. */
  private final class ReservedModelCheck<Q, R> extends SimpleForwardingServerCallListener<Q> {

    private final ServerCall<Q, R> call;
    private boolean refused;

    ReservedModelCheck(final ServerCall.Listener<Q> delegate, final ServerCall<Q, R> call) {
      super(delegate);
      this.call = call;
    }

    @Override
    public void onMessage(final Q message) {
      final Optional<Status> refusal = refusal((DeployResourceRequest) message);
      if (refusal.isPresent()) {
        refused = true;
        call.close(refusal.get(), new Metadata());
        return;
      }
      super.onMessage(message);
    }

    @Override
    public void onHalfClose() {
      if (!refused) {
        super.onHalfClose();
      }
    }

    private Optional<Status> refusal(final DeployResourceRequest request) {
      final Set<String> hits = new TreeSet<>();
      for (final Resource resource : request.getResourcesList()) {
        try {
          DefinedModelIds.of(resource.getName(), resource.getContent().toByteArray()).stream().filter(reserved.ids()::contains).forEach(hits::add);
        } catch (final UnreadableModelException e) {
          return Optional.of(Status.INVALID_ARGUMENT.withDescription(
              "Resource '" + resource.getName() + "' is not readable XML (DTDs are not accepted): " + e.getMessage()));
        }
      }
      return hits.isEmpty()
          ? Optional.empty()
          : Optional.of(Status.PERMISSION_DENIED.withDescription(
              String.join(", ", hits) + " belongs to the definition marketing and sales co-signed: it goes live only through "
                  + "their signatures (POST /api/definitions, then /proposal and /signatures), never by a deployment"));
    }
  }
}
