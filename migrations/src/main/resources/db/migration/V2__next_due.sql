-- A worker with nothing due sleeps until its queues' earliest unclaimed item (a timer, a retry's backoff,
-- a delayed start). The claim index orders by priority first, so finding that earliest item needs its
-- own index; it covers only unclaimed items, like the claim index.
CREATE INDEX queue_items_next_due ON queue_items (queue, run_at) WHERE lease_owner IS NULL;
