package com.leadjourney.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface HumanTaskRepository extends JpaRepository<HumanTask, Long> {

  List<HumanTask> findByStateOrderByDueAtAsc(HumanTask.State state);

  List<HumanTask> findByStateAndAssigneeOrderByDueAtAsc(HumanTask.State state, String assignee);

  List<HumanTask> findByStateAndProcessIdOrderByDueAtAsc(HumanTask.State state, String processId);

  /**
   * Open tasks someone other than an admin sees: their own, and those whose lead was last routed, in
   * the task's stage, to one of {@code queues}; with {@code person} null, only the latter. One query
   * however many tasks are open (asking per task cost three queries each).
   */
  @Query(
      nativeQuery = true,
      value =
          """
          select t.* from human_task t
          where t.state = 'OPEN'
            and (t.assignee = :person
              or (select d.team from routing_decision d where d.lead_id = t.lead_id and d.stage = t.process_id
                  order by d.decided_at desc, d.job_key desc limit 1) in (:queues))
          order by t.due_at""")
  List<HumanTask> findOpenSeenBy(@Param("person") String person, @Param("queues") Collection<String> queues);

  /** The open task a rebuilt journey recreates under a new key. */
  Optional<HumanTask> findFirstByLeadIdAndProcessIdAndElementIdAndVisitAndStateAndUserTaskKeyNot(
      String leadId, String processId, String elementId, int visit, HumanTask.State state, Long userTaskKey);
}
