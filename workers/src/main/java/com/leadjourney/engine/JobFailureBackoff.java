package com.leadjourney.engine;

import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Technical faults (database unreachable, a lock timeout) fail the job with exponential backoff,
 * 2 s doubling up to 1 min, instead of the client's immediate retry that burns every retry within
 * a second; once retries run out, the engine raises an incident. Business outcomes (BPMN errors)
 * and deliberate job errors pass through unchanged.
 */
@Component
class JobFailureBackoff implements JobExceptionHandlingStrategy {

  private static final Duration FIRST = Duration.ofSeconds(2);
  private static final Duration LONGEST = Duration.ofMinutes(1);

  private final DefaultJobExceptionHandlingStrategy standard;

  JobFailureBackoff(final CommandExceptionHandlingStrategy commands, final MetricsRecorder metrics) {
    standard = new DefaultJobExceptionHandlingStrategy(commands, metrics);
  }

  @Override
  public void handleException(final Exception exception, final ExceptionHandlingContext context) throws Exception {
    if (exception instanceof BpmnError || exception instanceof JobError) {
      standard.handleException(exception, context);
      return;
    }
    final int retriesLeft = Math.max(0, context.job().getRetries() - 1);
    standard.handleException(
        CamundaError.jobError(
            exception.getClass().getSimpleName() + ": " + exception.getMessage(), null, retriesLeft, backoff(retriesLeft), exception),
        context);
  }

  /** The fewer retries left, the longer the wait: 2 s, 4 s, 8 s, … at most a minute. */
  static Duration backoff(final int retriesLeft) {
    final int failuresSoFar = Math.max(0, 4 - Math.min(retriesLeft, 4));
    final Duration wait = FIRST.multipliedBy(1L << failuresSoFar);
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
