-- When a user's password or roles last changed: a session signed in before that moment ends (its
-- roles were copied at sign-in), and the user's API tokens were revoked at that moment.
ALTER TABLE app_user ADD COLUMN credentials_changed_at TIMESTAMP(3) NULL;
UPDATE app_user SET credentials_changed_at = created_at;
