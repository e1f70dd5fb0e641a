-- A row imported with a remark (e.g. no consent: history only, no journey) beside the rows rejected.
ALTER TABLE lead_import_problem ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'rejected';  -- rejected, note
ALTER TABLE lead_import ADD COLUMN noted INT NOT NULL DEFAULT 0;
