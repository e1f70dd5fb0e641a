-- How far a lead got before this system knew it (imported history): lead, mql, sql, opportunity,
-- customer. Replays count it as conversion beside what the journeys themselves recorded.
ALTER TABLE leads ADD COLUMN history_stage VARCHAR(20);

-- A replay of one definition version over the historical leads, run in the background.
CREATE TABLE definition_replay (
  id           VARCHAR(36)   NOT NULL,
  version      VARCHAR(40)   NOT NULL,
  leads_from   DATE,                    -- leads created on or after (none: all history)
  leads_until  DATE,                    -- leads created before
  state        VARCHAR(20)   NOT NULL,  -- running, done, failed
  processed    INT           NOT NULL DEFAULT 0,
  total        INT           NOT NULL DEFAULT 0,
  requested_by VARCHAR(100)  NOT NULL,
  started_at   TIMESTAMP(3)  NOT NULL,
  finished_at  TIMESTAMP(3),
  result       MEDIUMTEXT,
  failure      VARCHAR(500),
  PRIMARY KEY (id),
  CONSTRAINT fk_replay_version FOREIGN KEY (version) REFERENCES definition_version (version)
);
