-- The agreed qualification definition, versioned: a draft becomes live only when one marketing and
-- one sales signer (two different people) have signed it; going live retires the previous version.
CREATE TABLE definition_version (
  version          VARCHAR(40)   NOT NULL,
  state            VARCHAR(20)   NOT NULL,  -- draft, proposed, live, retired
  title            VARCHAR(200),
  criteria         MEDIUMTEXT    NOT NULL,  -- JSON: [{tests, label, points, verdict}]
  dmn_xml          MEDIUMTEXT    NOT NULL,  -- generated from the criteria (lead-qualification)
  mql_fit          INT           NOT NULL,
  mql_engagement   DOUBLE        NOT NULL,
  hot_fit          INT           NOT NULL,
  hot_engagement   DOUBLE        NOT NULL,
  half_life_hours  INT           NOT NULL,
  created_by       VARCHAR(100)  NOT NULL,
  created_at       TIMESTAMP(3)  NOT NULL,
  proposed_at      TIMESTAMP(3),
  live_at          TIMESTAMP(3),
  retired_at       TIMESTAMP(3),
  PRIMARY KEY (version),
  INDEX ix_definition_state (state)
);

CREATE TABLE definition_signature (
  version    VARCHAR(40)   NOT NULL,
  side       VARCHAR(20)   NOT NULL,  -- marketing, sales
  signed_by  VARCHAR(100)  NOT NULL,
  signed_at  TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (version, side),
  CONSTRAINT fk_signature_version FOREIGN KEY (version) REFERENCES definition_version (version)
);
