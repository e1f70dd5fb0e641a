package com.leadjourney.xdrhandoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import com.leadjourney.task.HumanTask;
import com.leadjourney.task.OpenTasks;
import com.leadjourney.task.TaskInbox;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Jobs arrive at least once: the handoff's workers decide and record each thing once. */
class HandoffIdempotencyTest extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;
  @Autowired XdrRouting routing;
  @Autowired TaskInbox inbox;
  @Autowired OpenTasks openTasks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRedeliveredRoutingJobGetsTheSameXdrAndTakesNoSecondTurn() {
    final String leadId = new LeadApi(http).accept("""
        {"email":"routed-twice@example.com","consent":true}""");
    final long openBefore = openAssignments();

    final var first = routing.route(leadId, 9_000_001L);
    final var redelivered = routing.route(leadId, 9_000_001L);

    assertThat(redelivered).isEqualTo(first);
    assertThat(openAssignments()).as("one lead counted against one XDR's cap").isEqualTo(openBefore + 1);
    assertThat(jdbc.queryForObject("select count(*) from routing_decision where lead_id = ?", Long.class, leadId)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select rule from routing_decision where lead_id = ?", String.class, leadId)).contains("round robin");
  }

  @Test
  void aRedeliveredListenerJobPutsTheTaskInTheInboxOnce() {
    final String leadId = new LeadApi(http).accept("""
        {"email":"opened-twice@example.com","consent":true}""");
    inbox.opened(task(leadId));
    inbox.opened(task(leadId));

    assertThat(openTasks.open("xdr-ada", null)).filteredOn(t -> t.getLeadId().equals(leadId)).hasSize(1);
    assertThat(jdbc.queryForObject("select count(*) from journey_event where lead_id = ? and type = 'TASK_OPENED'", Long.class, leadId)).isEqualTo(1);
    inbox.canceled(9_000_002L); // no engine instance behind it: keep it out of other tests' inbox
  }

  private static HumanTask task(final String leadId) {
    return new HumanTask(9_000_002L, leadId, 1L, "xdr-handoff", "WorkLead", 1, "xdr", "xdr-ada", Instant.now(), Instant.now());
  }

  private long openAssignments() {
    return jdbc.queryForObject("select sum(open_assignments) from team_member where team_id = 'xdr'", Long.class);
  }
}
