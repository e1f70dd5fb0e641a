package com.leadjourney.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import com.leadjourney.engine.embedded.EmbeddedEngine;
import com.leadjourney.lead.LeadRepository;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Intake keeps answering while the engine is unreachable; the outbox catches up afterwards. */
class EngineOutageTest extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;
  @Autowired EmbeddedEngine engine;
  @Autowired LeadRepository leads;

  @AfterEach
  void engineBack() {
    engine.openGateway();
  }

  @Test
  void aLeadPostedDuringAnEngineOutageIsStoredAndOrchestratedWhenTheEngineReturns() {
    engine.closeGateway();

    final var accepted = new LeadApi(http).post("""
        {"email":"outage@example.com","source":"web-form","consent":true}""", null);

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    final String id = (String) accepted.getBody().get("id");
    assertThat(leads.findById(id)).isPresent();
    // Give the dispatcher several attempts against the closed gateway.
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
        .until(() -> leads.findById(id).orElseThrow().getProcessInstanceKey() == null);
    assertThat(http.getForObject("/actuator/health", Map.class).get("status")).isEqualTo("DOWN");

    engine.openGateway();

    await().atMost(Duration.ofSeconds(60))
        .until(() -> "contact-intake".equals(leads.findById(id).orElseThrow().getStage()));
    assertThat(leads.findById(id).orElseThrow().getProcessInstanceKey()).isNotNull();
  }
}
