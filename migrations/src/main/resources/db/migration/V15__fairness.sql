-- Fairness between the keys of one queue (docs/scheduling.md, "Fairness"): an execution started with a
-- fairness key (and weight, 1 to 100) gives that key to every queue item it gets, as it gives its priority.
-- The claim takes turns among the keys that have due items, so one key's 100,000 items do not starve
-- another's 10. Unkeyed work pays nothing: its items keep the claim index and the claim they always had
-- (QueueStatements/claim.sql), and a keyed item costs no write beyond its own row (no table of keys).
ALTER TABLE executions ADD COLUMN fair_key text;
ALTER TABLE executions ADD COLUMN fair_weight smallint;   -- null: 1
ALTER TABLE queue_items ADD COLUMN fair_key text;
ALTER TABLE queue_items ADD COLUMN fair_weight smallint;  -- null: 1

-- The claim index keeps unkeyed items only, so the plain claim never reads past keyed ones.
DROP INDEX IF EXISTS queue_items_claimable;
CREATE INDEX queue_items_claimable ON queue_items (queue, priority DESC, run_at, id)
    WHERE lease_owner IS NULL AND fair_key IS NULL;
-- Keyed items: the fair claim (QueueStatements/claim_fair.sql) walks the distinct keys of a queue in order
-- (a loose index scan, one probe per key) and takes each key's items highest priority first, then oldest.
CREATE INDEX queue_items_fair ON queue_items (queue, fair_key, priority DESC, run_at, id)
    WHERE lease_owner IS NULL AND fair_key IS NOT NULL;
-- When the earliest keyed item is due (next_due.sql) and whether a queue has keyed items at all (one probe,
-- the claim's choice between the plain and the fair statement), without walking every key.
CREATE INDEX queue_items_fair_due ON queue_items (queue, run_at)
    WHERE lease_owner IS NULL AND fair_key IS NOT NULL;
