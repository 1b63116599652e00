-- Milliseconds until the earliest lease of any worker runs out (negative when one has run out already),
-- null when no item is leased: the lease keeper looks for expired leases only then, instead of on a
-- short poll. One probe of queue_items_leased (lease_expires_at over leased items).
SELECT (EXTRACT(EPOCH FROM min(lease_expires_at) - now()) * 1000)::bigint
FROM queue_items
WHERE lease_owner IS NOT NULL
