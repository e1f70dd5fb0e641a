package com.leadjourney.definition;

import com.leadjourney.engine.ProcessDeployment;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * At every start the engine gets the live definition's DMN in place of the file: after a signed
 * version went live, redeploying workflows/lead-qualification.dmn would silently bring the old
 * criteria back (and the embedded engine starts empty).
 */
@Component
class LiveDefinitionModel implements ProcessDeployment.ModelSource {

  private final Definitions definitions;

  LiveDefinitionModel(final Definitions definitions) {
    this.definitions = definitions;
  }

  @Override
  public String resourceName() {
    return "lead-qualification.dmn";
  }

  @Override
  public byte[] content() {
    return definitions.dmn(definitions.live()).orElseThrow().getBytes(StandardCharsets.UTF_8);
  }
}
