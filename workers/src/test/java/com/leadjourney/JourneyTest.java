package com.leadjourney;

import com.leadjourney.engine.embedded.EmbeddedEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A test that walks leads through the journey over the app's API, with the engine clock at hand. */
public abstract class JourneyTest extends EmbeddedAppTest {

  @Autowired protected TestRestTemplate http;
  @Autowired protected EmbeddedEngine engine;

  protected JourneyDriver driver() {
    return new JourneyDriver(http, engine);
  }

  protected LeadApi api() {
    return new LeadApi(http);
  }
}
