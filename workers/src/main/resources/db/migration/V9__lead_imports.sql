-- CSV imports of contacts and historical leads: the file is kept until the import is done, so an
-- import a crash interrupted resumes at its checkpoint (every row before next_row is committed).
CREATE TABLE import_mapping (
  name        VARCHAR(100)  NOT NULL,
  columns     TEXT          NOT NULL,  -- JSON: {field: CSV column header}
  updated_by  VARCHAR(100)  NOT NULL,
  updated_at  TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (name)
);

CREATE TABLE lead_import (
  id              VARCHAR(36)   NOT NULL,
  file_name       VARCHAR(200),
  file_sha256     CHAR(64)      NOT NULL,
  content         LONGBLOB,
  mapping         TEXT          NOT NULL,
  start_journeys  BOOLEAN       NOT NULL,
  state           VARCHAR(20)   NOT NULL,  -- running, done, failed
  total_rows      INT           NOT NULL,
  next_row        INT           NOT NULL DEFAULT 1,
  created         INT           NOT NULL DEFAULT 0,
  duplicates      INT           NOT NULL DEFAULT 0,
  rejected        INT           NOT NULL DEFAULT 0,
  requested_by    VARCHAR(100)  NOT NULL,
  started_at      TIMESTAMP(3)  NOT NULL,
  finished_at     TIMESTAMP(3),
  failure         VARCHAR(500),
  PRIMARY KEY (id)
);

CREATE TABLE lead_import_problem (
  import_id    VARCHAR(36)   NOT NULL,
  row_no   INT           NOT NULL,  -- data rows from 1; the header is row 0
  column_name  VARCHAR(200)  NOT NULL,
  reason       VARCHAR(300)  NOT NULL,
  PRIMARY KEY (import_id, row_no, column_name),
  CONSTRAINT fk_problem_import FOREIGN KEY (import_id) REFERENCES lead_import (id)
);

ALTER TABLE leads ADD COLUMN import_id VARCHAR(36);
