DELETE FROM queue_items WHERE id = :item
