package com.leadjourney.handoff;

import com.leadjourney.engine.InFlightInstances;
import java.util.List;
import org.springframework.stereotype.Component;

/** xdr-handoff instances in flight: those with an open XDR task. */
@Component
class HandoffInstances implements InFlightInstances {

  private final XdrTaskRepository tasks;

  HandoffInstances(final XdrTaskRepository tasks) {
    this.tasks = tasks;
  }

  @Override
  public String processId() {
    return HandoffVariables.PROCESS_ID;
  }

  @Override
  public List<Long> processInstanceKeys() {
    return tasks.findByStateOrderByDueAtAsc(XdrTask.State.OPEN).stream().map(XdrTask::getProcessInstanceKey).distinct().toList();
  }
}
