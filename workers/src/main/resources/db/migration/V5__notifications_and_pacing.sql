-- Everyone's in-app notifications (SLA reminders, escalations, reassignments, stalls, pacing alerts).
-- Outbound channels (email, webhook) deliver copies; this table is the record.
CREATE TABLE notification (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  recipient   VARCHAR(100)  NOT NULL,
  kind        VARCHAR(40)   NOT NULL,
  lead_id     VARCHAR(36),
  subject     VARCHAR(300)  NOT NULL,
  body        VARCHAR(2000),
  created_at  TIMESTAMP(3)  NOT NULL,
  read_at     TIMESTAMP(3),
  dedupe_key  VARCHAR(200)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_notification_dedupe UNIQUE (recipient, dedupe_key),
  INDEX ix_notification_inbox (recipient, read_at, created_at)
);

-- Marketing's promise: qualified leads per segment per month.
CREATE TABLE marketing_target (
  segment  VARCHAR(20)  NOT NULL,
  month    CHAR(7)      NOT NULL,  -- 2027-01
  target   INT          NOT NULL,
  PRIMARY KEY (segment, month)
);

-- Daily pacing: one row per segment and day; the alert is raised on the first day the projection falls short.
CREATE TABLE marketing_pacing (
  segment     VARCHAR(20)  NOT NULL,
  day         DATE         NOT NULL,
  target      INT          NOT NULL,
  actual      INT          NOT NULL,
  projected   INT          NOT NULL,
  shortfall   BOOLEAN      NOT NULL,
  PRIMARY KEY (segment, day)
);
