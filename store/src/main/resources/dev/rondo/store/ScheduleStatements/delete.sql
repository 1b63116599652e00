-- Deletes a schedule and its fire times; the runs it started go on. Returns how many were deleted.
DELETE FROM schedules WHERE name = :name
