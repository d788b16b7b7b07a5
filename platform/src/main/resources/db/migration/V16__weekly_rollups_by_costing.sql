-- Costing adds to the weekly rollups itself, as it does to cost_rollups and in the same transaction, last before the
-- commit (V14's trigger did it statement by statement, holding those rows locked for the rest of the transaction, so
-- that concurrent runs and re-costing parts of one plant queued behind each other; it also copied every row a
-- statement wrote into transition tables).
DROP TRIGGER costed_events_weekly_insert ON costed_events;
DROP TRIGGER costed_events_weekly_update ON costed_events;
DROP TRIGGER costed_events_weekly_delete ON costed_events;
DROP FUNCTION keep_weekly_rollups();
