package com.leadjourney.engine;

import java.net.SocketAddress;
import java.util.Optional;

/**
 * Who may call the embedded engine's gRPC gateway. Every call carries HTTP Basic credentials in
 * its {@code authorization} metadata, as the Camunda client's basic auth and Camunda Modeler's
 * "Basic" deploy option send them; the app answers with the caller they belong to.
 */
public interface GatewayAccess {

  /**
   * @param from the caller's address, for throttling failed attempts
   * @return the caller, or empty when the credentials are wrong (or throttled)
   */
  Optional<GatewayCaller> authenticate(String username, String password, SocketAddress from);

  /**
   * @param internal the app's own client: every call (jobs, instances, messages, deployments)
   * @param mayDeploy a process designer: the topology and deployments of models the app does not reserve
   */
  record GatewayCaller(String name, boolean internal, boolean mayDeploy) {}
}
