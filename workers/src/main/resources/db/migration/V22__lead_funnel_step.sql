-- How far down the funnel each lead has come (0 lead, 1 MQL, 2 SQL, 3 opportunity, 4 won), kept on
-- the lead as HubSpot keeps a lifecycle stage: a period's funnel (the leads that came in then, and how
-- far they got) is then one read of an index instead of four lookups per lead — 450 ms for two
-- quarters at 100,000 leads, and growing with every lead. It never moves back (a recycled SQL reached SQL).
ALTER TABLE leads ADD COLUMN funnel_step TINYINT NOT NULL DEFAULT 0;

-- Leads imported as history: the stage the CRM says they reached.
UPDATE leads SET funnel_step = CASE history_stage WHEN 'mql' THEN 1 WHEN 'sql' THEN 2 WHEN 'opportunity' THEN 3 WHEN 'customer' THEN 4 ELSE 0 END
  WHERE history_stage IS NOT NULL;
-- Live leads: what their journeys recorded.
UPDATE leads SET funnel_step = GREATEST(funnel_step, 1) WHERE id IN (SELECT lead_id FROM qualification_decision WHERE outcome = 'mql');
UPDATE leads SET funnel_step = GREATEST(funnel_step, 2)
  WHERE id IN (SELECT lead_id FROM human_task WHERE process_id = 'xdr-handoff' AND outcome = 'meeting-booked');
UPDATE leads SET funnel_step = GREATEST(funnel_step, 3) WHERE id IN (SELECT lead_id FROM opportunity);
UPDATE leads SET funnel_step = GREATEST(funnel_step, 4) WHERE id IN (SELECT lead_id FROM opportunity WHERE stage = 'closed-won');

-- "New leads" and the funnel of a period: the leads created in it, by step, read from the index alone.
CREATE INDEX ix_lead_funnel ON leads (created_at, funnel_step);
