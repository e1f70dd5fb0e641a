package com.leadjourney;

import com.leadjourney.engine.embedded.EmbeddedEngine;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * For a test class that changes what every other test relies on (the live definition, the teams,
 * the engine clock at start): the whole app like {@link EmbeddedAppTest}, but in a context of its
 * own — its own database, engine and ports — closed when the class is done. Not a subclass of the
 * shared one on purpose: its property source would win over this one's.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
public abstract class OwnAppTest {

  @Autowired protected TestRestTemplate http;
  @Autowired protected EmbeddedEngine engine;

  @DynamicPropertySource
  static void ownApp(final DynamicPropertyRegistry registry) {
    final Path dir = EmbeddedAppTest.newDataDir("own-app-");
    final int gateway = EmbeddedAppTest.freePort();
    final int port = EmbeddedAppTest.freePort();
    registry.add("leadjourney.data-dir", dir::toString);
    registry.add("leadjourney.engine.gateway-port", () -> gateway);
    registry.add("server.port", () -> port);
    EmbeddedAppTest.common(registry);
  }

  protected JourneyDriver driver() {
    return new JourneyDriver(http, engine);
  }

  protected LeadApi api() {
    return new LeadApi(http);
  }
}
