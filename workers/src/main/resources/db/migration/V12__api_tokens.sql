-- Personal API tokens: scripts and integrations call /api/** with "Authorization: Bearer ljt_…"
-- instead of a password. Only a SHA-256 of the token is kept; the token itself is shown once.
CREATE TABLE api_token (
  id            VARCHAR(36)   NOT NULL,
  username      VARCHAR(100)  NOT NULL,
  name          VARCHAR(100)  NOT NULL,
  token_hash    CHAR(64)      NOT NULL,
  created_at    TIMESTAMP(3)  NOT NULL,
  expires_at    TIMESTAMP(3),
  last_used_at  TIMESTAMP(3),
  revoked_at    TIMESTAMP(3),
  PRIMARY KEY (id),
  CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
  INDEX ix_api_token_user (username, created_at),
  CONSTRAINT fk_api_token_user FOREIGN KEY (username) REFERENCES app_user (username)
);
