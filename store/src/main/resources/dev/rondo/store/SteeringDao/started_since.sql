-- What an execution started after a checkpoint (promise numbers from the checkpoint's counter on), for the
-- history of a rewind: it is not undone. At most :limit, in the order started.
SELECT id, kind, name, status FROM executions
WHERE parent_id = :id AND parent_promise >= :fromPromise
ORDER BY parent_promise
LIMIT :limit
