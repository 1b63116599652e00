-- Whether a queue has a due, unleased item with a fairness key: one probe of queue_items_fair_due (empty
-- unless fairness is used). A worker claims a queue with claim.sql, which never reads keyed items, until this
-- says yes (it asks once a second per queue, and after a claim that found nothing); then with claim_fair.sql,
-- until a fair claim finds no due keyed item. Written as the earliest item in the index's order, not as
-- EXISTS: for an EXISTS the planner may take a sequential scan, expecting a match soon, which reads the
-- whole table when the queue has none.
SELECT coalesce((SELECT run_at FROM queue_items
                 WHERE queue = :queue AND lease_owner IS NULL AND fair_key IS NOT NULL
                 ORDER BY run_at LIMIT 1) <= now(), false)
