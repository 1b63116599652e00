-- The slice's own queue item, deleted in the slice's commit; 0 rows means this worker lost its lease
-- (another worker is redoing the slice) and must roll back.
DELETE FROM queue_items WHERE id = :item AND lease_owner = :owner
