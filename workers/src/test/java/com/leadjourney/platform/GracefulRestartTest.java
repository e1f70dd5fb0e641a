package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadjourney.AppProcess;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.JourneyDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded app stopped as an orchestrator stops it (SIGTERM) and started again: the engine
 * continues its kept state, so nothing is rebuilt, an XDR's task keeps its number and can be
 * completed, and a journey waiting on a timer goes on at its due time.
 */
class GracefulRestartTest {

  private static final Duration WINDOW = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir = EmbeddedAppTest.newDataDir("graceful-");
  private final int httpPort = EmbeddedAppTest.freePort();
  private final int dbPort = EmbeddedAppTest.freePort();
  private final List<String> arguments = AppProcess.embedded(dir, dbPort, WINDOW);
  private AppProcess app;

  @AfterEach
  void stopApp() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aGracefulRestartKeepsTasksAndTimersWithoutARebuild() throws Exception {
    app = AppProcess.start(dir, "app-1", httpPort, arguments);
    final String working = post("worked@graceful.example", "Graceful Works");
    final Map<String, Object> task = awaitXdrTask(working);
    assertThat(app.send("POST", "/api/tasks/" + task.get("userTaskKey") + "/touches", "{\"kind\":\"call\",\"note\":\"left a voicemail\"}", null)
        .statusCode()).isEqualTo(200);
    final String waiting = post("waiting@graceful.example", "Graceful Waits"); // on its enrichment timer at the stop

    app.close();
    app = AppProcess.start(dir, "app-2", httpPort, arguments);

    final var completion = app.send("POST", "/api/tasks/" + task.get("userTaskKey") + "/completion", "{\"outcome\":\"meeting-booked\"}", null);
    assertThat(completion.statusCode()).as("the task from before the restart: %s", completion.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> !openTasks("sales-acceptance", working).isEmpty());
    assertThat(awaitXdrTask(waiting)).as("the journey waiting on its timer went on").isNotNull();

    assertThat(count("select count(*) from journey_event where type = 'JOURNEY_REBUILT'")).as("journeys rebuilt").isZero();
    assertThat(count("select count(*) from human_task where state = 'CANCELED'")).as("tasks replaced").isZero();
    assertThat(count("select count(*) from human_task where element_id = 'WorkLead'")).as("XDR tasks").isEqualTo(2);
  }

  private String post(final String email, final String company) throws Exception {
    final var accepted = app.send("POST", "/api/leads", JourneyDriver.strongFitWebinarLead(email, company), email);
    assertThat(accepted.statusCode()).isEqualTo(202);
    final String location = accepted.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private Map<String, Object> awaitXdrTask(final String leadId) throws Exception {
    await().atMost(WINDOW.plusSeconds(60)).until(() -> openTasks("xdr-handoff", leadId).size() == 1);
    return openTasks("xdr-handoff", leadId).getFirst();
  }

  private List<Map<String, Object>> openTasks(final String stage, final String leadId) throws Exception {
    final List<Map<String, Object>> open = JSON.readValue(app.get("/api/tasks?stage=" + stage).body(), new TypeReference<>() {});
    return open.stream().filter(t -> leadId.equals(t.get("leadId"))).toList();
  }

  private long count(final String sql) {
    return AppProcess.count(dir, dbPort, sql);
  }
}
