-- A definition suggested from history: the job, the draft version it wrote, and its held-out evidence.
CREATE TABLE definition_suggestion (
  id               VARCHAR(36)   NOT NULL,
  leads_from       DATE,
  leads_until      DATE,
  holdout          DECIMAL(3,2)  NOT NULL,
  qualified_share  DECIMAL(3,2)  NOT NULL,
  state            VARCHAR(20)   NOT NULL,  -- running, done, failed
  step             VARCHAR(100),
  draft_version    VARCHAR(40),
  result           MEDIUMTEXT,               -- JSON: heldOut evidence, criteria, warnings
  failure          VARCHAR(500),
  requested_by     VARCHAR(100)  NOT NULL,
  started_at       TIMESTAMP(3)  NOT NULL,
  finished_at      TIMESTAMP(3),
  PRIMARY KEY (id)
);
