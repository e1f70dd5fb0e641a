-- Runs unchanged on MySQL 8.4 and MariaDB 11.4: plain types, no vendor JSON functions.
-- The table is "leads": LEAD is a reserved word (window function) in MySQL 8.

CREATE TABLE leads (
  id                     VARCHAR(36)     NOT NULL,
  email                  VARCHAR(254) NOT NULL,
  first_name             VARCHAR(100),
  last_name              VARCHAR(100),
  company                VARCHAR(200),
  title                  VARCHAR(200),
  country                VARCHAR(2),
  source                 VARCHAR(40)  NOT NULL,
  campaign               VARCHAR(200),
  consent                BOOLEAN      NOT NULL,
  custom_fields          TEXT,
  stage                  VARCHAR(40)  NOT NULL,
  journey_state          VARCHAR(20)  NOT NULL,
  resume_element         VARCHAR(100),
  process_instance_key   BIGINT,
  idempotency_key        VARCHAR(200),
  request_fingerprint    VARCHAR(64),
  created_at             TIMESTAMP(3) NOT NULL,
  updated_at             TIMESTAMP(3) NOT NULL,
  version                BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_lead_idempotency_key UNIQUE (idempotency_key),
  INDEX ix_lead_journey_state (journey_state),
  INDEX ix_lead_email (email)
);

-- Due times of a journey's clocks, passed to the engine as variables so a rebuilt journey keeps them.
CREATE TABLE journey_clock (
  lead_id   VARCHAR(36)     NOT NULL,
  name      VARCHAR(60)  NOT NULL,
  due_at    TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (lead_id, name),
  CONSTRAINT fk_clock_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

-- The lead's timeline. dedupe_key makes a redelivered job write nothing new.
CREATE TABLE journey_event (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  lead_id       VARCHAR(36)     NOT NULL,
  type          VARCHAR(40)  NOT NULL,
  stage         VARCHAR(40),
  element_id    VARCHAR(100),
  detail        VARCHAR(500),
  occurred_at   TIMESTAMP(3) NOT NULL,
  dedupe_key    VARCHAR(200),
  PRIMARY KEY (id),
  CONSTRAINT uk_journey_event_dedupe UNIQUE (lead_id, dedupe_key),
  INDEX ix_journey_event_lead (lead_id, occurred_at),
  CONSTRAINT fk_event_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

-- Transactional outbox: a lead is committed here with its lead row before the engine hears of it.
CREATE TABLE journey_outbox (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  lead_id          VARCHAR(36)     NOT NULL,
  created_at       TIMESTAMP(3) NOT NULL,
  next_attempt_at  TIMESTAMP(3) NOT NULL,
  attempts         INT          NOT NULL DEFAULT 0,
  last_error       VARCHAR(500),
  dispatched_at    TIMESTAMP(3),
  PRIMARY KEY (id),
  INDEX ix_outbox_pending (dispatched_at, next_attempt_at),
  CONSTRAINT fk_outbox_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

CREATE TABLE app_user (
  username       VARCHAR(100) NOT NULL,
  password_hash  VARCHAR(200) NOT NULL,
  roles          VARCHAR(200) NOT NULL,
  created_at     TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (username)
);
