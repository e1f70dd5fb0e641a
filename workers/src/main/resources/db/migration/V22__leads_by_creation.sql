-- The catalogue's "new leads" and the funnel count the leads that came in during a period: without an
-- index on when a lead was created each read the whole leads table (1,000,000 rows at full size).
CREATE INDEX ix_lead_created ON leads (created_at);
