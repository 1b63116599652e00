-- A rewind to :step gives back the signals the slices after it consumed (recorded with their steps), so the
-- Signal.next calls it runs again take them again, oldest first. Returns how many.
UPDATE signals SET consumed_at = NULL
WHERE execution_id = :id AND consumed_at IS NOT NULL
  AND id IN (SELECT unnest(signals) FROM checkpoint_history WHERE execution_id = :id AND step > :step)
