package com.leadjourney.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.AppProcess;
import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.JourneyDriver;
import com.leadjourney.engine.EngineTestCredential;
import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Two app instances in cluster mode against one engine (the embedded engine of this test's JVM,
 * reached only over its gRPC gateway, stands in for the Camunda cluster) and one database, as an
 * operator scales out behind a load balancer: intake alternates between them, both take jobs. No
 * lead, task, routing decision or SLA event may happen twice, and a capped XDR never holds more
 * leads than the cap, however the two instances interleave.
 */
class ScaleOutTest {

  private static final int LEADS = 40;
  private static final int MEMBERS = 4;
  private static final int CAP = 5; // 4 x 5 = 20 leads to members, the other 20 wait in the team queue

  private final Path dir = EmbeddedAppTest.newDataDir("scale-out-");
  private final StandInCluster cluster = new StandInCluster(dir);
  private final List<AppProcess> apps = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (final AppProcess app : apps) {
      app.close();
    }
    cluster.close();
  }

  @Test
  void twoInstancesShareTheLoadAndNothingHappensTwice() throws Exception {
    final var first = CompletableFuture.supplyAsync(() -> start("app-a"));
    final var second = CompletableFuture.supplyAsync(() -> start("app-b"));
    apps.add(first.join());
    apps.add(second.join());
    createCappedTeam();
    deployOneMinuteSlaPolicy();

    postLeads();

    await().atMost(Duration.ofSeconds(120)).until(() -> count("select count(*) from human_task where element_id = 'WorkLead'") >= LEADS);
    // reminder at half the one-minute promise, escalation at the promise: both fire for every lead
    await().atMost(Duration.ofSeconds(180)).until(() -> count("select count(*) from journey_event where type = 'SLA_ESCALATED'") >= LEADS);
    Thread.sleep(5_000); // anything done twice would land in these seconds too

    assertThat(count("select count(*) from leads")).isEqualTo(LEADS);
    assertThat(count("select count(*) from human_task where element_id = 'WorkLead'")).as("XDR tasks").isEqualTo(LEADS);
    assertThat(count("select count(*) from routing_decision where stage = 'xdr-handoff'")).as("routing decisions").isEqualTo(LEADS);
    assertThat(count("select count(*) from journey_event where type = 'SLA_REMINDED'")).as("reminders").isEqualTo(LEADS);
    assertThat(count("select count(*) from journey_event where type = 'SLA_ESCALATED'")).as("escalations").isEqualTo(LEADS);
    assertThat(count("""
        select count(*) from (select lead_id from journey_event where type in ('STAGE_ENTERED', 'ROUTED', 'TASK_OPENED', 'QUALIFIED', 'SLA_STARTED')
        group by lead_id, type, stage having count(*) > 1) twice""")).as("timeline lines recorded twice").isZero();
    assertThat(count("select count(*) from (select 1 from notification group by recipient, kind, lead_id having count(*) > 1) twice"))
        .as("people told twice").isZero();
    assertThat(count("select count(*) from notification where kind = 'sla-escalated'")).as("owner and manager told of each escalation")
        .isBetween((long) LEADS, 2L * LEADS);

    assertThat(count("select max(c) from (select count(*) c from human_task where assignee like 'scale-xdr-%' group by assignee) held"))
        .as("most leads one capped XDR holds").isEqualTo(CAP);
    assertThat(count("select count(*) from human_task where assignee like 'scale-xdr-%'")).isEqualTo((long) MEMBERS * CAP);
    assertThat(count("select count(*) from human_task where assignee is null and state = 'OPEN'")).as("the team queue").isEqualTo(LEADS - MEMBERS * CAP);
    assertThat(count("select max(open_assignments) from team_member where team_id = 'xdr-scale'")).isEqualTo(CAP);

    final double jobsA = apps.get(0).counter("camunda_job_invocations_total", "action=\"completed\"");
    final double jobsB = apps.get(1).counter("camunda_job_invocations_total", "action=\"completed\"");
    System.out.printf("scale-out: %d leads over two instances; jobs completed by a %.0f, by b %.0f (b/a %.2f)%n", LEADS, jobsA, jobsB, jobsB / jobsA);
    // A split, not a trickle: the engine pushes each job type's jobs to both instances' streams in turn.
    assertThat(jobsA / (jobsA + jobsB)).as("instance a's share of the jobs").isBetween(0.25, 0.75);
  }

  private AppProcess start(final String name) {
    final List<String> arguments = new ArrayList<>();
    cluster.clusterMode(dir.resolve(name)).forEach((property, value) -> arguments.add("--" + property + "=" + value));
    arguments.add("--leadjourney.intake.enrichment-window=0s");
    try {
      return AppProcess.start(dir, name, EmbeddedAppTest.freePort(), arguments);
    } catch (final Exception e) {
      throw new IllegalStateException(name + " did not start", e);
    }
  }

  private void createCappedTeam() throws Exception {
    final String members = String.join(",", IntStream.range(0, MEMBERS)
        .mapToObj(i -> "{\"username\":\"scale-xdr-%d\",\"weight\":1,\"maxOpen\":%d,\"active\":true}".formatted(i, CAP)).toList());
    final String team = """
        {"name":"Scale-out XDRs","function":"xdr","isDefault":true,"manager":"scale-manager","timeZone":"UTC",
         "workDays":"MON,TUE,WED,THU,FRI,SAT,SUN","opens":"00:00","closes":"00:00","members":[%s]}""".formatted(members);
    for (int i = 0; i < MEMBERS; i++) { // a team's members must be people the app knows
      assertThat(apps.get(0).send("POST", "/api/users", "{\"username\":\"scale-xdr-%d\",\"roles\":[\"XDR\"]}".formatted(i), null).statusCode())
          .isEqualTo(201);
    }
    assertThat(apps.get(0).send("PUT", "/api/teams/xdr-scale", team, null).statusCode()).isEqualTo(200);
  }

  /** The shipped sla-policy with every promise one minute: the clocks run out while the test watches. */
  private void deployOneMinuteSlaPolicy() throws Exception {
    final String shipped = new ClassPathResource("workflows/sla-policy.dmn").getContentAsString(StandardCharsets.UTF_8);
    final String oneMinute =
        shipped.replaceAll("(Rule_0[1-5]_window\"><text>)\\d+", "$11").replaceAll("(_reassign\"><text>)\\d+", "$11440");
    assertThat(oneMinute).contains("Rule_01_window\"><text>1</text>", "Rule_01_reassign\"><text>1440</text>");
    try (CamundaClient client = EngineTestCredential.client(cluster.grpcAddress()).build()) {
      client.newDeployResourceCommand().addResourceStringUtf8(oneMinute, "sla-policy.dmn").send().join();
    }
  }

  /** Alternates between the instances, four callers at a time, as a load balancer would. */
  private void postLeads() throws Exception {
    try (var callers = Executors.newFixedThreadPool(4)) {
      final var answers =
          IntStream.range(0, LEADS)
              .mapToObj(i -> callers.submit(() -> apps.get(i % 2).send("POST", "/api/leads", lead(i), "scale-" + i).statusCode()))
              .toList();
      for (final var answer : answers) {
        assertThat(answer.get()).isEqualTo(202);
      }
    }
  }

  private static String lead(final int i) {
    return JourneyDriver.strongFitWebinarLead("scale-%d@scale-co%d.com".formatted(i, i), "Scale co " + i);
  }

  private long count(final String sql) throws SQLException {
    final var account = cluster.account();
    try (var db = DriverManager.getConnection(cluster.jdbcUrl(), account.username(), account.password()); var rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
