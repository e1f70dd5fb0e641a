package com.leadjourney;

import com.leadjourney.engine.embedded.EmbeddedEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A test that walks leads through the journey over the app's API, with the engine clock at hand. */
public abstract class JourneyTest extends EmbeddedAppTest {

  @Autowired protected TestRestTemplate http;
  @Autowired protected EmbeddedEngine engine;

  /** Path assertions read the elements each instance completed: kept from before the test's first lead. */
  @BeforeEach
  void recordModelPaths() {
    engine.paths().record();
  }

  protected JourneyDriver driver() {
    return new JourneyDriver(http, engine);
  }

  protected LeadApi api() {
    return new LeadApi(http);
  }
}
