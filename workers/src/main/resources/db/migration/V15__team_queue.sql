-- A lead nobody in its team can take waits in the team's queue: routed to the team, assigned to nobody
-- (until someone takes it or the manager gives it to someone), instead of sitting in the manager's name.
ALTER TABLE routing_decision MODIFY assignee VARCHAR(100) NULL;
