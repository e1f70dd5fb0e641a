package com.leadjourney.engine;

import java.util.Set;

/**
 * Ids of processes and decisions only the app itself deploys (the co-signed qualification path):
 * a deployment over the gateway that defines one of them is refused, whoever sends it.
 */
@FunctionalInterface
public interface ReservedModelIds {

  Set<String> ids();
}
