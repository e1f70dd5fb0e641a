package com.leadjourney.engine;

import com.leadjourney.platform.AfterCommit;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Messages to a lead's journey (correlated by leadId). Published after the change they announce
 * commits; the message id makes a repeated publish a no-op within the time to live.
 */
@Service
public class JourneyMessages {

  private static final Logger LOG = LoggerFactory.getLogger(JourneyMessages.class);

  private final CamundaClient client;

  JourneyMessages(final CamundaClient client) {
    this.client = client;
  }

  public void publishAfterCommit(
      final String name, final String leadId, final String messageId, final Duration timeToLive, final Map<String, Object> variables) {
    AfterCommit.run(
        () -> {
          try {
            publish(name, leadId, messageId, timeToLive, variables);
          } catch (final RuntimeException e) {
            // The change is committed and stays the record; the journey learns of it at its next step.
          }
        });
  }

  /** Synchronous: the caller learns whether the engine took it (e.g. to answer 503). */
  public void publish(
      final String name, final String leadId, final String messageId, final Duration timeToLive, final Map<String, Object> variables) {
    try {
      client.newPublishMessageCommand()
          .messageName(name)
          .correlationKey(leadId)
          .messageId(messageId)
          .timeToLive(timeToLive)
          .variables(variables)
          .send()
          .join(10, TimeUnit.SECONDS);
    } catch (final RuntimeException e) {
      LOG.warn("Message {} for lead {} not published: {}", name, leadId, e.getMessage());
      throw e;
    }
  }
}
