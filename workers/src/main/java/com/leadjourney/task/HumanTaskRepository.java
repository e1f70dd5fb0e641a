package com.leadjourney.task;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HumanTaskRepository extends JpaRepository<HumanTask, Long> {

  List<HumanTask> findByStateOrderByDueAtAsc(HumanTask.State state);

  List<HumanTask> findByStateAndAssigneeOrderByDueAtAsc(HumanTask.State state, String assignee);

  List<HumanTask> findByStateAndProcessIdOrderByDueAtAsc(HumanTask.State state, String processId);

  /** The open task a rebuilt journey recreates under a new key. */
  Optional<HumanTask> findFirstByLeadIdAndProcessIdAndElementIdAndVisitAndStateAndUserTaskKeyNot(
      String leadId, String processId, String elementId, int visit, HumanTask.State state, Long userTaskKey);
}
