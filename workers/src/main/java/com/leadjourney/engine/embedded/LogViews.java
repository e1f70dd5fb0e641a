package com.leadjourney.engine.embedded;

import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.record.intent.ProcessIntent;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What the app keeps from the engine's log, since the embedded engine has no search API to ask
 * later: deployed versions and where instances wait, open incidents, jobs held by workers, and (for
 * tests) the paths instances took. Checkpointed with the state, so a restart reads on from there.
 */
final class LogViews {

  final EmbeddedProcessCatalog processes = new EmbeddedProcessCatalog();
  final EmbeddedIncidents incidents = new EmbeddedIncidents();
  final ActivatedJobs activatedJobs = new ActivatedJobs();
  final ModelPaths paths = new ModelPaths();

  void apply(final RecordMetadata metadata, final LoggedEvent event) {
    switch (metadata.getValueType()) {
      case INCIDENT -> incidents.apply(metadata, event);
      case PROCESS_INSTANCE -> {
        processes.elementInstance(metadata, event);
        paths.apply(metadata, event);
      }
      case JOB, JOB_BATCH -> activatedJobs.apply(metadata, event);
      case PROCESS -> {
        if (metadata.getIntent() == ProcessIntent.CREATED) {
          processes.deployed(event);
        }
      }
      default -> {}
    }
  }

  /** Call while no event is applied (the engine holds its lock). */
  byte[] bytes() throws IOException {
    final var bytes = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(bytes)) {
      processes.writeTo(out);
      incidents.writeTo(out);
      activatedJobs.writeTo(out);
    }
    return bytes.toByteArray();
  }

  static LogViews readFrom(final DataInputStream in) throws IOException {
    final var views = new LogViews();
    views.processes.readFrom(in);
    views.incidents.readFrom(in);
    views.activatedJobs.readFrom(in);
    return views;
  }
}
