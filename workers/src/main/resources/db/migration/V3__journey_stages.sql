-- Every stage of the buyer journey. Runs unchanged on MySQL 8.4 and MariaDB 11.4.

-- The eight agreed qualification fields, the account, and where the journey stands.
ALTER TABLE leads
  ADD COLUMN industry          VARCHAR(60),
  ADD COLUMN role              VARCHAR(60),
  ADD COLUMN seniority         VARCHAR(40),
  ADD COLUMN decision_stage    VARCHAR(40),
  ADD COLUMN budget            VARCHAR(40),
  ADD COLUMN path_to_purchase  VARCHAR(40),
  ADD COLUMN pain              VARCHAR(40),
  ADD COLUMN company_size      INT,
  ADD COLUMN annual_revenue    BIGINT,
  ADD COLUMN account_id        VARCHAR(36),
  -- Counts stage entries: a loop (nurture -> pre-qualification) is a new visit, a rebuilt or
  -- redelivered entry into the stage the lead is in is not. Side effects are keyed by it.
  ADD COLUMN stage_visit       INT NOT NULL DEFAULT 0,
  ADD COLUMN nurture_track     VARCHAR(40),
  ADD COLUMN journey_result    VARCHAR(40),
  ADD COLUMN merged_into       VARCHAR(36),
  ADD COLUMN ended_at          TIMESTAMP(3);

CREATE TABLE account (
  id               VARCHAR(36)  NOT NULL,
  name             VARCHAR(200) NOT NULL,
  normalized_name  VARCHAR(200) NOT NULL,
  domain           VARCHAR(200),
  owner            VARCHAR(100),
  customer         BOOLEAN      NOT NULL DEFAULT FALSE,
  customer_since   TIMESTAMP(3),
  created_at       TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_account_domain UNIQUE (domain),
  INDEX ix_account_name (normalized_name)
);

-- Marketing touches and engagements: scored with decay, credited by attribution.
CREATE TABLE engagement (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  lead_id      VARCHAR(36)  NOT NULL,
  type         VARCHAR(40)  NOT NULL,
  points       INT          NOT NULL,
  campaign     VARCHAR(200),
  occurred_at  TIMESTAMP(3) NOT NULL,
  dedupe_key   VARCHAR(200) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_engagement_dedupe UNIQUE (lead_id, dedupe_key),
  INDEX ix_engagement_lead (lead_id, occurred_at),
  CONSTRAINT fk_engagement_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

-- One decision per pre-qualification visit, with everything needed to explain it later.
CREATE TABLE qualification_decision (
  id                    BIGINT       NOT NULL AUTO_INCREMENT,
  lead_id               VARCHAR(36)  NOT NULL,
  visit                 INT          NOT NULL,
  definition_version    VARCHAR(40)  NOT NULL,
  inputs                TEXT         NOT NULL,
  matched_rules         TEXT         NOT NULL,
  fit_score             INT          NOT NULL,
  engagement_score      DOUBLE       NOT NULL,
  engagement_breakdown  TEXT         NOT NULL,
  outcome               VARCHAR(20)  NOT NULL,
  reason                VARCHAR(200),
  decided_at            TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_qualification_visit UNIQUE (lead_id, visit),
  CONSTRAINT fk_qualification_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

-- The XDR inbox becomes every human task's (XDR and AE): one row per Camunda user task.
ALTER TABLE xdr_task RENAME TO human_task;
ALTER TABLE human_task
  ADD COLUMN process_id      VARCHAR(60),
  ADD COLUMN visit           INT NOT NULL DEFAULT 0,
  ADD COLUMN claimed_by      VARCHAR(100),
  ADD COLUMN first_touch_at  TIMESTAMP(3);

-- Touches an owner logs on a lead (call, email, meeting, note). The first stops the SLA clock.
CREATE TABLE touch (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  lead_id         VARCHAR(36)   NOT NULL,
  user_task_key   BIGINT,
  kind            VARCHAR(20)   NOT NULL,
  note            VARCHAR(1000),
  logged_by       VARCHAR(100)  NOT NULL,
  occurred_at     TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (id),
  INDEX ix_touch_lead (lead_id, occurred_at),
  CONSTRAINT fk_touch_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

-- Routing is per lead, stage visit and attempt (a reassignment is a new attempt), so a rebuilt
-- journey finds its decision; the team column lets the AE pool share the mechanism.
ALTER TABLE routing_decision
  ADD COLUMN team     VARCHAR(60) NOT NULL DEFAULT 'xdr',
  ADD COLUMN visit    INT         NOT NULL DEFAULT 0,
  ADD COLUMN attempt  INT         NOT NULL DEFAULT 0,
  ADD CONSTRAINT uk_routing_attempt UNIQUE (lead_id, team, visit, attempt);
INSERT INTO routing_cursor (team, position) VALUES ('ae', 0);

-- Reasons and objections from sales, aggregated for marketing.
CREATE TABLE feedback (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  lead_id             VARCHAR(36)   NOT NULL,
  stage               VARCHAR(40)   NOT NULL,
  outcome             VARCHAR(40)   NOT NULL,
  reason              VARCHAR(60)   NOT NULL,
  objections          VARCHAR(1000),
  source              VARCHAR(40),
  campaign            VARCHAR(200),
  definition_version  VARCHAR(40),
  recorded_at         TIMESTAMP(3)  NOT NULL,
  dedupe_key          VARCHAR(200)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_feedback_dedupe UNIQUE (lead_id, dedupe_key),
  INDEX ix_feedback_reason (reason, recorded_at),
  CONSTRAINT fk_feedback_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

CREATE TABLE opportunity (
  id           VARCHAR(36)    NOT NULL,
  lead_id      VARCHAR(36)    NOT NULL,
  visit        INT            NOT NULL,
  account_id   VARCHAR(36),
  stage        VARCHAR(20)    NOT NULL,
  amount       DECIMAL(15, 2),
  close_date   DATE,
  reason       VARCHAR(60),
  opened_at    TIMESTAMP(3)   NOT NULL,
  closed_at    TIMESTAMP(3),
  stalled_at   TIMESTAMP(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_opportunity_visit UNIQUE (lead_id, visit),
  CONSTRAINT fk_opportunity_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

-- Sales' changes wait here until the opportunity process applies them (once, by id).
CREATE TABLE opportunity_update (
  id              VARCHAR(36)    NOT NULL,
  opportunity_id  VARCHAR(36)    NOT NULL,
  stage           VARCHAR(20),
  amount          DECIMAL(15, 2),
  close_date      DATE,
  reason          VARCHAR(60),
  contact_roles   TEXT,
  requested_by    VARCHAR(100)   NOT NULL,
  requested_at    TIMESTAMP(3)   NOT NULL,
  applied_at      TIMESTAMP(3),
  PRIMARY KEY (id),
  CONSTRAINT fk_update_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id)
);

-- Contacts on an opportunity; only roles sales confirmed earn attribution credit.
CREATE TABLE opportunity_contact_role (
  opportunity_id  VARCHAR(36)   NOT NULL,
  lead_id         VARCHAR(36)   NOT NULL,
  role            VARCHAR(40)   NOT NULL,
  confirmed       BOOLEAN       NOT NULL,
  confirmed_by    VARCHAR(100),
  PRIMARY KEY (opportunity_id, lead_id),
  CONSTRAINT fk_role_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id),
  CONSTRAINT fk_role_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

CREATE TABLE attribution_credit (
  opportunity_id  VARCHAR(36)    NOT NULL,
  model           VARCHAR(20)    NOT NULL,
  campaign        VARCHAR(200)   NOT NULL,
  share           DOUBLE         NOT NULL,
  amount          DECIMAL(15, 2) NOT NULL,
  credited_at     TIMESTAMP(3)   NOT NULL,
  PRIMARY KEY (opportunity_id, model, campaign),
  CONSTRAINT fk_credit_opportunity FOREIGN KEY (opportunity_id) REFERENCES opportunity (id)
);

-- Journeys rebuilt after this upgrade resume at the stage's call activity, not at the old
-- in-line stage entry tasks of lead-journey v1.
UPDATE leads SET resume_element = 'ContactIntake' WHERE resume_element = 'EnterContactIntake';
UPDATE leads SET resume_element = 'PreQualification' WHERE resume_element = 'EnterPreQualification';
