package com.leadjourney.xdrhandoff;

import com.leadjourney.engine.InFlightInstances;
import com.leadjourney.task.HumanTask;
import com.leadjourney.task.HumanTaskRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/** xdr-handoff instances in flight: those with an open XDR task. */
@Component
class HandoffInstances implements InFlightInstances {

  private final HumanTaskRepository tasks;

  HandoffInstances(final HumanTaskRepository tasks) {
    this.tasks = tasks;
  }

  @Override
  public String processId() {
    return HandoffVariables.PROCESS_ID;
  }

  @Override
  public List<Long> processInstanceKeys() {
    return tasks.findByStateAndProcessIdOrderByDueAtAsc(HumanTask.State.OPEN, HandoffVariables.PROCESS_ID).stream()
        .map(HumanTask::getProcessInstanceKey)
        .distinct()
        .toList();
  }
}
