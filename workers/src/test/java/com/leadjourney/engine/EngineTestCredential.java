package com.leadjourney.engine;

import com.leadjourney.engine.embedded.GatewayGuard;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * For an engine a test starts without the app: the one credential its gateway takes (as the app's
 * own client; no users to check) and a client that sends it.
 */
public final class EngineTestCredential {

  public static final String USERNAME = "test-engine-client";
  public static final String PASSWORD = "test-engine-client-secret";

  private EngineTestCredential() {}

  /** Takes this credential as the app's own; nothing else. Reserves nothing. */
  public static GatewayAccess access() {
    return (username, password, from) -> USERNAME.equals(username) && PASSWORD.equals(password)
        ? Optional.of(new GatewayAccess.GatewayCaller(username, true, false))
        : Optional.empty();
  }

  public static ReservedModelIds nothingReserved() {
    return Set::of;
  }

  static ServerInterceptor guard() {
    return new GatewayGuard(access(), nothingReserved());
  }

  static InetSocketAddress loopback(final int port) {
    return new InetSocketAddress("127.0.0.1", port);
  }

  /** A client of the gateway at {@code grpcAddress} sending this credential. */
  public static CamundaClientBuilder client(final String grpcAddress) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create(grpcAddress))
        .preferRestOverGrpc(false)
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username(USERNAME).password(PASSWORD).build());
  }
}
