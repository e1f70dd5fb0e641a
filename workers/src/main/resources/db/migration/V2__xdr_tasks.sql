-- The XDR inbox: one row per Camunda user task, learnt from its creating listener.
CREATE TABLE xdr_task (
  user_task_key         BIGINT       NOT NULL,
  lead_id               VARCHAR(36)  NOT NULL,
  process_instance_key  BIGINT       NOT NULL,
  element_id            VARCHAR(100) NOT NULL,
  candidate_groups      VARCHAR(200),
  assignee              VARCHAR(100),
  due_at                TIMESTAMP(3),
  state                 VARCHAR(20)  NOT NULL,
  outcome               VARCHAR(40),
  reason                VARCHAR(60),
  objections            VARCHAR(1000),
  created_at            TIMESTAMP(3) NOT NULL,
  closed_at             TIMESTAMP(3),
  PRIMARY KEY (user_task_key),
  INDEX ix_xdr_task_inbox (state, assignee, due_at),
  CONSTRAINT fk_xdr_task_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

-- Round robin position per team: a row lock makes two concurrent routings take different people.
CREATE TABLE routing_cursor (
  team      VARCHAR(60) NOT NULL,
  position  BIGINT      NOT NULL,
  PRIMARY KEY (team)
);

-- Every assignment and why (which rule). Keyed by the routing job: a redelivered job finds it.
CREATE TABLE routing_decision (
  job_key     BIGINT       NOT NULL,
  lead_id     VARCHAR(36)  NOT NULL,
  assignee    VARCHAR(100) NOT NULL,
  rule        VARCHAR(200) NOT NULL,
  decided_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (job_key),
  INDEX ix_routing_decision_lead (lead_id, decided_at),
  CONSTRAINT fk_routing_decision_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);

-- The default team's cursor exists up front: routing only ever updates it, never inserts
-- (INSERT IGNORE + SELECT FOR UPDATE deadlocks under concurrent routing).
INSERT INTO routing_cursor (team, position) VALUES ('xdr', 0);
