-- What happened to an execution (slices starting, waiting, signals consumed, children started), in order.
SELECT seq, kind, detail, at FROM history WHERE execution_id = :id ORDER BY seq LIMIT :limit
