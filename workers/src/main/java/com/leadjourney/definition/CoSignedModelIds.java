package com.leadjourney.definition;

import com.leadjourney.engine.ReservedModelIds;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The models that make up the co-signed qualification path: the decision marketing and sales signed
 * (and its decision requirements graph) and the process that applies it. They go live only through
 * the signatures (the decision) or the app's own deployment of {@code workflows/} (the process), never
 * by a deployment to the engine's gateway — else a deployed {@code lead-qualification} could make
 * every lead an MQL while the signed version still shows as live.
 */
@Component
class CoSignedModelIds implements ReservedModelIds {

  static final String QUALIFICATION_PROCESS = "pre-qualification";

  @Override
  public Set<String> ids() {
    return Set.of(DefinitionDmn.DECISION_ID, DefinitionDmn.DECISION_REQUIREMENTS_ID, QUALIFICATION_PROCESS);
  }
}
