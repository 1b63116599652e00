-- This worker is alive: its row, inserted on the first beat (and again should a long outage have let
-- others prune it), with how many items it works on now.
INSERT INTO workers (id, host, pid, queues, concurrency, in_flight)
VALUES (:id, :host, :pid, CAST(:queues AS text[]), :concurrency, :inFlight)
ON CONFLICT (id) DO UPDATE SET last_seen = now(), in_flight = EXCLUDED.in_flight
