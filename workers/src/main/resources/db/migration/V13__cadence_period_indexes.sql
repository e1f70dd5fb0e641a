-- A cadence review reads what happened inside one week, month or quarter (and the one before it,
-- for the trend). Without an index on the time column each of its queries read its whole table, so
-- a review slowed with every month of history and with anything else that took the buffer pool.
-- Each index starts with the query's equality columns and ends with its period column.
CREATE INDEX ix_qualification_outcome_period ON qualification_decision (outcome, decided_at);
CREATE INDEX ix_journey_event_type_period ON journey_event (type, occurred_at);
CREATE INDEX ix_human_task_first_touch ON human_task (process_id, first_touch_at);
CREATE INDEX ix_human_task_closed_outcome ON human_task (process_id, outcome, closed_at);
-- Open at a period's end: not closed before it; covers the created/due columns the review reads.
CREATE INDEX ix_human_task_open_at ON human_task (closed_at, created_at, due_at);
CREATE INDEX ix_feedback_period ON feedback (recorded_at, reason);
CREATE INDEX ix_opportunity_opened ON opportunity (opened_at);
CREATE INDEX ix_opportunity_closed ON opportunity (stage, closed_at);
CREATE INDEX ix_attribution_campaign_period ON attribution_credit (campaign, model, credited_at);
