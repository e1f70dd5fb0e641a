package com.leadjourney.prequalification;

import com.leadjourney.definition.Definitions;
import com.leadjourney.engine.JourneyVariables;
import com.leadjourney.lead.LeadRepository;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job type {@code prepare-qualification}: the agreed fields and the custom fields the live definition tests, as the decision's inputs. */
@Component
public class PrepareQualificationWorker {

  private final LeadRepository leads;
  private final Definitions definitions;

  PrepareQualificationWorker(final LeadRepository leads, final Definitions definitions) {
    this.leads = leads;
    this.definitions = definitions;
  }

  @JobWorker(type = "prepare-qualification")
  public Map<String, Object> prepareQualification(@Variable(name = JourneyVariables.LEAD_ID) final String leadId) {
    final Map<String, Object> inputs = leads.existing(leadId).decisionInputs();
    // Only what the live definition tests enters the engine: a custom field may be a note about the person.
    if (inputs.get("customFields") instanceof Map<?, ?> custom) {
      final Map<String, Object> tested = new HashMap<>(); // not Collectors.toMap: a field may be null
      definitions.customFieldsTested().stream().filter(custom::containsKey).forEach(name -> tested.put(name, custom.get(name)));
      inputs.put("customFields", tested);
    }
    return inputs;
  }
}
