-- Teams, their working time, members with weights and caps, absences and territories: who takes a lead, and by when.

CREATE TABLE sales_team (
  id          VARCHAR(60)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  team_function  VARCHAR(10)  NOT NULL,       -- xdr: works MQLs; ae: accepts SQLs
  is_default  BOOLEAN      NOT NULL DEFAULT FALSE,
  manager     VARCHAR(100),
  time_zone   VARCHAR(60)  NOT NULL DEFAULT 'UTC',
  work_days   VARCHAR(40)  NOT NULL DEFAULT 'MON,TUE,WED,THU,FRI,SAT,SUN',
  opens       TIME         NOT NULL DEFAULT '00:00:00',  -- opens = closes: around the clock
  closes      TIME         NOT NULL DEFAULT '00:00:00',
  PRIMARY KEY (id)
);

CREATE TABLE team_holiday (
  team_id  VARCHAR(60)  NOT NULL,
  day      DATE         NOT NULL,
  name     VARCHAR(200),
  PRIMARY KEY (team_id, day),
  CONSTRAINT fk_holiday_team FOREIGN KEY (team_id) REFERENCES sales_team (id)
);

-- current_weight: smooth weighted round robin state; open_assignments: leads routed and not yet closed (caps).
CREATE TABLE team_member (
  team_id           VARCHAR(60)  NOT NULL,
  username          VARCHAR(100) NOT NULL,
  weight            INT          NOT NULL DEFAULT 1,
  max_open          INT,
  active            BOOLEAN      NOT NULL DEFAULT TRUE,
  current_weight    BIGINT       NOT NULL DEFAULT 0,
  open_assignments  INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (team_id, username),
  CONSTRAINT fk_member_team FOREIGN KEY (team_id) REFERENCES sales_team (id)
);

CREATE TABLE out_of_office (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  username   VARCHAR(100) NOT NULL,
  starts_at  TIMESTAMP(3) NOT NULL,
  ends_at    TIMESTAMP(3) NOT NULL,
  reason     VARCHAR(200),
  PRIMARY KEY (id),
  INDEX ix_ooo_user (username, ends_at)
);

-- Territory and segment rules, first match by rank; a lead no rule matches goes to the function's default team.
CREATE TABLE territory_rule (
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  team_id           VARCHAR(60)  NOT NULL,
  rank_order        INT          NOT NULL,
  country           VARCHAR(2),
  industry          VARCHAR(60),
  min_company_size  INT,
  max_company_size  INT,
  PRIMARY KEY (id),
  CONSTRAINT fk_territory_team FOREIGN KEY (team_id) REFERENCES sales_team (id)
);

-- Routing decisions per stage (not per team): a lead may go to any team of the function.
ALTER TABLE routing_decision
  ADD COLUMN stage        VARCHAR(40),
  ADD COLUMN released_at  TIMESTAMP(3);
UPDATE routing_decision SET stage = CASE team WHEN 'ae' THEN 'sales-acceptance' ELSE 'xdr-handoff' END;
ALTER TABLE routing_decision
  MODIFY stage VARCHAR(40) NOT NULL,
  DROP INDEX uk_routing_attempt,
  ADD CONSTRAINT uk_routing_stage_attempt UNIQUE (lead_id, stage, visit, attempt);
DROP TABLE routing_cursor;

-- Priority and segment of each decision pick the SLA policy (DMN sla-policy).
ALTER TABLE qualification_decision
  ADD COLUMN priority  VARCHAR(10),
  ADD COLUMN segment   VARCHAR(20);

-- The default teams, around the clock until someone sets their hours.
INSERT INTO sales_team (id, name, team_function, is_default, manager) VALUES ('xdr', 'XDR team', 'xdr', TRUE, 'manager-mia');
INSERT INTO sales_team (id, name, team_function, is_default, manager) VALUES ('ae', 'Account executives', 'ae', TRUE, 'manager-mia');
INSERT INTO team_member (team_id, username) VALUES ('xdr', 'xdr-ada'), ('xdr', 'xdr-grace'), ('ae', 'ae-linus'), ('ae', 'ae-margaret');
