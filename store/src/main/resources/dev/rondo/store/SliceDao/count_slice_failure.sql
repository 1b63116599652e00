-- A slice of this workflow failed without committing (docs/engine.md, "Failures and cancellation"): one
-- more in the run of failed slices, and the error it would end with. Returns the run's length.
UPDATE executions SET slice_failures = slice_failures + 1, slice_error = :error
WHERE id = :id
RETURNING slice_failures
