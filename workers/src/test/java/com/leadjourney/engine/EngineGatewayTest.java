package com.leadjourney.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.JourneyDriver;
import com.leadjourney.JourneyTest;
import com.leadjourney.ListeningSockets;
import com.leadjourney.security.UserAccounts;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The embedded engine's gRPC gateway, tried as an attacker on the same network would: it listens on
 * loopback only, every call needs credentials, a designer may deploy models but not drive journeys,
 * and nobody deploys the co-signed qualification decision around marketing's and sales' signatures.
 */
class EngineGatewayTest extends JourneyTest {

  @Value("${leadjourney.engine.gateway-port}") int gatewayPort;
  @Autowired UserAccounts accounts;

  @Test
  void theGatewayListensOnLoopbackOnly() throws IOException {
    final List<String> listening = ListeningSockets.addresses(gatewayPort);
    assertThat(listening).as("local addresses listening on %d", gatewayPort).isNotEmpty().containsOnly("127.0.0.1");
    final Optional<InetAddress> outside = ListeningSockets.nonLoopbackAddress();
    if (outside.isPresent()) { // this machine's own address on its network stands in for another host
      assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(outside.get(), gatewayPort), 2_000))
          .as("connecting to %s:%d", outside.get(), gatewayPort).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void everyCallNeedsCredentials() {
    try (CamundaClient anonymous = client(null, null); CamundaClient guesser = client("admin", "not-the-password")) {
      for (final CamundaClient client : List.of(anonymous, guesser)) {
        assertRefused(Status.Code.UNAUTHENTICATED, () -> client.newTopologyRequest().send().join());
        assertRefused(Status.Code.UNAUTHENTICATED, () -> client.newDeployResourceCommand()
            .addProcessModel(Bpmn.createExecutableProcess("anonymous-deploy").startEvent().endEvent().done(), "anonymous-deploy.bpmn").send().join());
      }
    }
  }

  @Test
  void peopleWhoAreNotDesignersMayNotUseTheGateway() {
    try (CamundaClient xdr = client("gateway-xdr", accounts.create("gateway-xdr", List.of("XDR", "MANAGER")))) {
      assertRefused(Status.Code.PERMISSION_DENIED, () -> xdr.newTopologyRequest().send().join());
      assertRefused(Status.Code.PERMISSION_DENIED, () -> xdr.newActivateJobsCommand().jobType("open-task").maxJobsToActivate(5).send().join());
    }
  }

  @Test
  void aDesignerDeploysAPlainProcessButCannotDriveJourneys() {
    try (CamundaClient designer = client("gateway-designer", accounts.create("gateway-designer", List.of("DESIGNER")))) {
      assertThat(designer.newTopologyRequest().send().join().getBrokers()).hasSize(1);
      final var deployed = designer.newDeployResourceCommand()
          .addProcessModel(Bpmn.createExecutableProcess("designer-sketch").startEvent().endEvent().done(), "designer-sketch.bpmn").send().join();
      assertThat(deployed.getProcesses()).extracting(p -> p.getBpmnProcessId()).containsExactly("designer-sketch");

      assertRefused(Status.Code.PERMISSION_DENIED, () -> designer.newCreateInstanceCommand().bpmnProcessId("lead-journey").latestVersion().send().join());
      assertRefused(Status.Code.PERMISSION_DENIED, () -> designer.newActivateJobsCommand().jobType("open-task").maxJobsToActivate(5).send().join());
      assertRefused(Status.Code.PERMISSION_DENIED, () -> designer.newPublishMessageCommand().messageName("first-touch").correlationKey("x").send().join());
      assertRefused(Status.Code.PERMISSION_DENIED, () -> designer.newCancelInstanceCommand(1L).send().join());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void nobodyDeploysTheCoSignedDecisionOrItsProcessAroundTheSignatures() throws IOException {
    final String shipped = new ClassPathResource("workflows/lead-qualification.dmn").getContentAsString(StandardCharsets.UTF_8);
    final String everyoneQualifies = shipped
        .replace("<inputEntry id=\"Rule_01_industry\"><text>\"software\",\"financial-services\",\"manufacturing\",\"healthcare\",\"retail\"</text>",
            "<inputEntry id=\"Rule_01_industry\"><text>-</text>")
        .replace("<outputEntry id=\"Rule_01_points\"><text>15</text>", "<outputEntry id=\"Rule_01_points\"><text>1000</text>");
    assertThat(everyoneQualifies).isNotEqualTo(shipped);
    final String prequalification = new ClassPathResource("workflows/pre-qualification.bpmn").getContentAsString(StandardCharsets.UTF_8);
    final Map<String, Object> liveBefore = liveDefinition();

    try (CamundaClient designer = client("gateway-designer-2", accounts.create("gateway-designer-2", List.of("DESIGNER")));
        CamundaClient admin = client("admin", EmbeddedAppTest.ADMIN_PASSWORD)) {
      final byte[] inUtf16 = everyoneQualifies.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16);
      for (final CamundaClient client : List.of(designer, admin)) {
        assertRefused(Status.Code.PERMISSION_DENIED, "lead-qualification",
            () -> client.newDeployResourceCommand().addResourceStringUtf8(everyoneQualifies, "rogue.dmn").send().join());
        assertRefused(Status.Code.PERMISSION_DENIED, "lead-qualification", // the engine reads any encoding the XML declares
            () -> client.newDeployResourceCommand().addResourceBytes(inUtf16, "rogue-utf16.dmn").send().join());
        assertRefused(Status.Code.PERMISSION_DENIED, "pre-qualification",
            () -> client.newDeployResourceCommand().addResourceStringUtf8(prequalification, "pre-qualification.bpmn").send().join());
      }
      // A DTD could hide an id from a lenient reader: what cannot be read safely is not deployed.
      assertRefused(Status.Code.INVALID_ARGUMENT, "not readable", () -> designer.newDeployResourceCommand()
          .addResourceStringUtf8("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"lead-qualification\">]>" + shipped.substring(shipped.indexOf("<definitions")),
              "entity.dmn").send().join());
    }

    // An intern without budget, at no target industry: what the rogue table would have made an MQL.
    final var driver = driver();
    final String intern = driver.lead("intern@gateway-rogue.com", "webinar", "webinar-q3",
        "{\"industry\":\"education\",\"role\":\"intern\",\"seniority\":\"entry\",\"budget\":\"none\",\"companySize\":12}");
    driver.awaitTimeline(intern, "QUALIFIED");
    final List<Map<String, Object>> traces = driver.admin().getForObject("/api/leads/" + intern + "/qualification", List.class);
    assertThat(traces).singleElement().satisfies(t -> {
      assertThat(t).containsEntry("definitionVersion", liveBefore.get("version"));
      assertThat(((Number) t.get("fitScore")).intValue()).isLessThan(1000);
      assertThat(t.get("outcome")).isNotEqualTo("mql");
    });
    assertThat(liveDefinition()).isEqualTo(liveBefore);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theEnginesUserTaskEndpointsTakeOnlyTheAppsOwnCredential() {
    final var driver = driver();
    final String lead = driver.lead("cio@user-task-bypass.com", "webinar", "webinar-q3", JourneyDriver.STRONG_FIT);
    final var task = driver.awaitTask(lead, "xdr-handoff");
    final String completion = "/v2/user-tasks/" + task.get("userTaskKey") + "/completion";
    final var forwarded = new HttpHeaders();
    forwarded.set("X-Forwarded-For", "127.0.0.1"); // what a proxy in front would add
    forwarded.setContentType(MediaType.APPLICATION_JSON);
    final var outcome = Map.of("variables", Map.of("outcome", "meeting-booked"));

    assertThat(http.postForEntity(completion, new HttpEntity<>(outcome, forwarded), String.class).getStatusCode().value())
        .as("from this machine, no credentials").isEqualTo(401);
    assertThat(api().admin().postForEntity(completion, new HttpEntity<>(outcome, forwarded), String.class).getStatusCode().value())
        .as("an admin's password: people work tasks through /api/tasks").isEqualTo(401);
    assertThat(api().admin().postForEntity("/v2/user-tasks/" + task.get("userTaskKey") + "/assignment", Map.of("assignee", "admin"), String.class)
        .getStatusCode().value()).isEqualTo(401);

    assertThat(driver.openTasks(lead, "xdr-handoff")).as("the task is still open, with its assignee").singleElement()
        .satisfies(t -> assertThat(t).containsEntry("assignee", task.get("assignee")));
    assertThat(driver.timelineTypes(lead)).doesNotContain("TASK_COMPLETED");
  }

  @Test
  void openedToTheNetworkTheGatewayStillTakesNoCallWithoutCredentials() throws Exception {
    final int port = EmbeddedAppTest.freePort();
    try (var engine = StandaloneEngine.create(new InetSocketAddress("0.0.0.0", port), "gateway-open-")) {
      engine.start();
      final String address = "http://" + ListeningSockets.nonLoopbackAddress().map(InetAddress::getHostAddress).orElse("127.0.0.1") + ":" + port;
      try (CamundaClient anonymous = CamundaClient.newClientBuilder().grpcAddress(URI.create(address)).preferRestOverGrpc(false).build();
          CamundaClient app = EngineTestCredential.client(address).build()) {
        assertRefused(Status.Code.UNAUTHENTICATED, () -> anonymous.newTopologyRequest().send().join());
        assertRefused(Status.Code.UNAUTHENTICATED, () -> anonymous.newDeployResourceCommand()
            .addProcessModel(Bpmn.createExecutableProcess("open-deploy").startEvent().endEvent().done(), "open-deploy.bpmn").send().join());
        assertThat(app.newTopologyRequest().send().join().getBrokers()).hasSize(1);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> liveDefinition() {
    final List<Map<String, Object>> versions = api().admin().getForObject("/api/definitions", List.class);
    return versions.stream().filter(v -> "live".equals(v.get("state"))).findFirst().orElseThrow();
  }

  private CamundaClient client(final String username, final String password) {
    final var builder = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://127.0.0.1:" + gatewayPort)).preferRestOverGrpc(false);
    if (username != null) {
      builder.credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username(username).password(password).build());
    }
    return builder.build();
  }

  private static void assertRefused(final Status.Code code, final Runnable call) {
    assertRefused(code, "", call);
  }

  private static void assertRefused(final Status.Code code, final String saying, final Runnable call) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ClientStatusException.class, e -> {
      assertThat(e.getStatusCode()).isEqualTo(code);
      assertThat(e.getMessage()).contains(saying);
    });
  }
}
