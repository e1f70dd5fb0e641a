package com.leadjourney.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.ListeningSockets;
import com.leadjourney.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every API body is limited before it is read: signed in or not, declared or chunked, and a client
 * that asks before uploading is told no before it uploads. The port itself listens on loopback.
 */
class RequestBodyLimitTest extends EmbeddedAppTest {

  @Value("${local.server.port}") int port;

  private static final String ADMIN =
      "Authorization: Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  @Test
  void aBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
    final var anonymous = RawHttp.postZeros(port, "/api/leads", 200L << 20, false);
    assertThat(anonymous.status()).as("declared 200 MB, no credentials: refused before sign-in reads anything").isEqualTo(413);
    final var chunked = RawHttp.post(port, "/api/leads", "{\"email\":\"", (byte) 'a', 3L << 20, true, ADMIN);
    assertThat(chunked.status()).as("3 MB chunked, signed in: counted as it arrives").isEqualTo(413);
    final var importTooLarge = RawHttp.postZeros(port, "/api/imports", 200L << 20, false, ADMIN);
    assertThat(importTooLarge.status()).as("a CSV import over its own, larger limit").isEqualTo(413);
    for (final var answer : new RawHttp.Answer[] {anonymous, chunked, importTooLarge}) {
      assertThat(answer.took()).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void aClientThatAsksFirstIsRefusedBeforeItUploads() throws Exception {
    assertThat(RawHttp.askFirst(port, "/api/leads", 200L << 20, ADMIN)).as("200 MB declared, Expect: 100-continue").isEqualTo(413);
    assertThat(RawHttp.askFirst(port, "/api/leads", 100, "Authorization: Bearer not-a-token")).as("a small body, no valid credentials")
        .isEqualTo(401);
    assertThat(RawHttp.askFirst(port, "/api/leads", 100, ADMIN)).as("a small body, signed in: go on").isEqualTo(100);
  }

  @Test
  void theApiListensOnLoopbackOnly() throws Exception {
    assertThat(ListeningSockets.addresses(port)).as("local addresses listening on %d", port).isNotEmpty().containsOnly("127.0.0.1");
  }
}
