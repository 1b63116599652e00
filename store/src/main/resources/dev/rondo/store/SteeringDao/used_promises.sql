-- The highest promise number an execution has used anywhere the engine keeps one (its tasks and children,
-- its timers and inbox, the timers of its checkpoint history), so a rewound checkpoint's counter can move
-- past all of them and engine-made ids (<id>.t<n>, <id>.w<n>) never collide. -1 when none.
SELECT greatest(
    (SELECT max(parent_promise) FROM executions WHERE parent_id = :id),
    (SELECT max(promise) FROM timers WHERE execution_id = :id),
    (SELECT max(promise) FROM inbox WHERE execution_id = :id),
    (SELECT max(p) FROM checkpoint_history h, unnest(h.timer_promises) AS p WHERE h.execution_id = :id),
    -1) AS used
