-- Named limits (docs/scheduling.md, "Named limits"): a concurrency limit or a rate limit declared once by
-- name (rondo limit set, RondoClient.limits(), or a limits.json deployed beside the flows), which Task.run
-- and StartOptions refer to instead of giving the number at every call. kind 'concurrency': at most value
-- at once; kind 'rate': at most value admissions in any one-second window. declared_for is null for a
-- limit set by hand (a deploy never changes it) and, for one a limits.json declares, the workflows of the
-- folder the file was deployed with: a later deploy of that folder changes it or, when the file no longer
-- names it, deletes it.
CREATE TABLE limits (
    name         text        PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('concurrency', 'rate')),
    value        integer     NOT NULL CHECK (value >= 1),
    declared_for text[],
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Waiting work that asked for a named limit: the admission reads the limit's current value (a change
-- applies to work already waiting); max_running keeps the value read when the work started, used only
-- if the limit has been deleted since, so deleting a limit never strands waiting work.
ALTER TABLE concurrency_waiting ADD COLUMN limit_name text;

-- Trailing debounce (docs/scheduling.md, "Debounce"): each start within the window pushes the run back to
-- now + delay, never past max_due_at (the window's first start + its maximum wait). Null: a fixed window.
ALTER TABLE debounces ADD COLUMN max_due_at timestamptz;
