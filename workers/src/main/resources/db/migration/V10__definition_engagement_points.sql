-- Engagement scoring by touch type belongs to the definition both teams sign (JSON {type: points}).
ALTER TABLE definition_version ADD COLUMN engagement_points TEXT;
