-- Whether a queue has a due, unleased item with a fairness key: one probe of queue_items_fair_due (empty
-- unless fairness is used). A worker claims a queue with claim.sql, which never reads keyed items, until this
-- says yes (it asks once a second per queue, and after a claim that found nothing); then with claim_fair.sql,
-- until a fair claim takes no keyed item.
SELECT EXISTS (SELECT 1 FROM queue_items
               WHERE queue = :queue AND lease_owner IS NULL AND fair_key IS NOT NULL AND run_at <= now())
