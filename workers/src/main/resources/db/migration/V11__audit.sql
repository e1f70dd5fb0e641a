-- Every human decision: who, when, what, and the state before and after (JSON), shown on the lead.
CREATE TABLE audit_event (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  actor         VARCHAR(100)  NOT NULL,
  action        VARCHAR(60)   NOT NULL,
  subject_type  VARCHAR(40)   NOT NULL,
  subject_id    VARCHAR(100)  NOT NULL,
  lead_id       VARCHAR(36),
  before_state  TEXT,
  after_state   TEXT,
  occurred_at   TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (id),
  INDEX ix_audit_lead (lead_id, occurred_at),
  INDEX ix_audit_subject (subject_type, subject_id, occurred_at)
);
