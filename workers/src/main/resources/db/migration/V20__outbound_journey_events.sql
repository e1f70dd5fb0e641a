-- Outbound journey events (CloudEvents 1.0): written to the outbox in the same transaction as the
-- timeline line of the change, fanned out to each subscription, delivered at least once, in order per lead.
CREATE TABLE event_subscription (
  name        VARCHAR(100)   NOT NULL,
  url         VARCHAR(2000)  NOT NULL,
  secret      VARCHAR(200)   NOT NULL,
  types       TEXT,                        -- JSON list of event types; null: every type
  updated_by  VARCHAR(100)   NOT NULL,
  updated_at  TIMESTAMP(3)   NOT NULL,
  PRIMARY KEY (name)
);

CREATE TABLE event_outbox (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  event_id     CHAR(36)      NOT NULL,
  lead_id      VARCHAR(36)   NOT NULL,
  type         VARCHAR(80)   NOT NULL,
  occurred_at  TIMESTAMP(3)  NOT NULL,
  data         TEXT          NOT NULL,     -- JSON
  fanned_out   BOOLEAN       NOT NULL DEFAULT FALSE,
  PRIMARY KEY (id),
  CONSTRAINT uk_event_outbox_event UNIQUE (event_id),
  INDEX ix_event_outbox_pending (fanned_out, id)
);

CREATE TABLE event_delivery (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  subscription     VARCHAR(100)  NOT NULL,
  outbox_id        BIGINT        NOT NULL,
  lead_id          VARCHAR(36)   NOT NULL,
  state            VARCHAR(12)   NOT NULL,  -- pending, delivered, dead
  attempts         INT           NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP(3)  NOT NULL,
  first_failed_at  TIMESTAMP(3),
  last_status      INT,
  last_error       VARCHAR(500),
  delivered_at     TIMESTAMP(3),
  created_at       TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_event_delivery UNIQUE (subscription, outbox_id),
  INDEX ix_event_delivery_due (subscription, state, id),
  CONSTRAINT fk_delivery_outbox FOREIGN KEY (outbox_id) REFERENCES event_outbox (id)
);
