package com.leadjourney.handoff;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface XdrTaskRepository extends JpaRepository<XdrTask, Long> {

  List<XdrTask> findByStateOrderByDueAtAsc(XdrTask.State state);

  List<XdrTask> findByStateAndAssigneeOrderByDueAtAsc(XdrTask.State state, String assignee);
}
