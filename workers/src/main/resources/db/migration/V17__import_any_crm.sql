-- Another CRM's export keyed on its record id: a historical lead may have no email, and the
-- record id is a dedupe key beside it (importing the file again adds nothing).
ALTER TABLE leads MODIFY email VARCHAR(254) NULL;
ALTER TABLE leads ADD COLUMN external_id VARCHAR(100) NULL;
CREATE INDEX ix_lead_external_id ON leads (external_id);

-- Rejected rows as the file had them, so the user downloads them, fixes them and imports them again.
ALTER TABLE lead_import ADD COLUMN header TEXT NULL;  -- JSON list: the file's column names
CREATE TABLE lead_import_rejected_row (
  import_id  VARCHAR(36)  NOT NULL,
  row_no     INT          NOT NULL,
  line       TEXT         NOT NULL,  -- the row's values as one CSV line
  PRIMARY KEY (import_id, row_no),
  CONSTRAINT fk_rejected_row_import FOREIGN KEY (import_id) REFERENCES lead_import (id)
);
