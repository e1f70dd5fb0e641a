package com.leadjourney.engine.operations;

import com.leadjourney.engine.StageMigration;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StageMigrationController {

  record MigrationRequest(long targetProcessDefinitionKey, List<StageMigration.Mapping> mappings) {}

  private final StageMigration migration;

  StageMigrationController(final StageMigration migration) {
    this.migration = migration;
  }

  /** Migrates every in-flight journey of the stage; journeys not migrated stay on their version. */
  @PostMapping("/api/stages/{processId}/migration")
  StageMigration.Result migrate(@PathVariable final String processId, @RequestBody final MigrationRequest request) {
    return migration.migrate(processId, request.targetProcessDefinitionKey(), request.mappings());
  }
}
